"""The sources and targets of one trigger as coded events: each source toward each target, or toward each other.

"Egypt and Sudan agreed", "accused each other": the parties act on each
other. "Joint raids against traffickers": the partners cooperate, and each
acts on the target. Shared by the coder's verb and noun readings.
"""

from itertools import pairwise

from spacy.tokens import Token

from consumers.nlp.events.civil import as_protesters
from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.lexicon import Trigger
from consumers.nlp.events.rules import SYMMETRIC, refined_trigger
from consumers.nlp.events.sectors import STATE_SECTORS
from consumers.nlp.events.victims import victims_over_places
from schemas import EventType, TextField, stance_of


def paired_events(
    sources: list[Actor],
    targets: list[Actor],
    trigger: Trigger,
    word: Token,
    confidence: float,
    field: TextField,
    *,
    mutual: bool,
    reciprocal: bool = False,
) -> list[CodedEvent]:
    """The events of ``word`` read in ``field``; ``mutual``: coordinated sources with no target act on each other."""
    trigger = refined_trigger(trigger, word, sources, targets)
    if word.lemma_.lower() in TRAVEL_NOUNS and not all(s.sector in (None, *STATE_SECTORS) for s in sources):
        return []  # "migrants made the journey to Iran": a crossing, no visit
    targets = victims_over_places(sources, targets, trigger.event)  # "abducted farmers in Sokoto state"
    # "vowed to defend its territory against Russia"; but "dropped the charges against them" concedes to them
    if stance_of(trigger.event) == "cooperative" and trigger.event not in (EventType.CONCEDE, EventType.RETREAT):
        targets = [target for target in targets if not _opposed(target, word)]
    if trigger.event is EventType.PROTEST:  # people who march are protesters
        sources = [as_protesters(s) for s in sources]
    modifiers = [*word.children, *(g for c in word.children if c.dep_ == "dobj" for g in c.children)]
    # "joint raids against traffickers": the partners cooperate; "joint drills with Australia": each with Z
    partnered = any(c.dep_ == "prep" and c.lower_ == "with" for c in modifiers)
    joint = any(c.lower_ == "joint" for c in modifiers) and len(sources) > 1 and bool(targets) and not partnered
    # "X and Y declared a truce", "X and Y signed a treaty": each party with the other; not "took part"
    symmetric = trigger.event in SYMMETRIC or trigger.mode == "ceasefire" or word.lemma_.lower() == "sign"
    symmetric = symmetric and not trigger.one_sided and not _one_sided_attack(trigger, word)
    if (
        trigger.event is EventType.AGREE
        and mutual
        and len(sources) > 1
        and all(t.id.startswith("group:") for t in targets)
    ):
        targets = []  # "Armenia and Azerbaijan agreed to exchange prisoners": with each other, not with the prisoners
    # "Peru and Chile agreed to implement an EU plan": with each other, and with the plan's owner
    agreed = trigger.event is EventType.AGREE and word.lemma_.lower() == "agree" and not partnered
    if joint or reciprocal or (mutual and (agreed or not targets) and len(sources) > 1 and symmetric):
        # each party toward the others: "Egypt and Sudan agreed", "accused each other", "joint raids"
        together = trigger if not joint else Trigger(EventType.COOPERATE)
        events = [  # "Kibaki and opposition leader Odinga signed a deal": one state's two sides are two parties
            _event(a, b, together, word, 0.9 * confidence, field)
            for a in sources
            for b in sources
            if not a.same_party(b)
        ]
        if not (joint or agreed):
            return events
    else:
        events = []
    return events + [
        _event(source, target, trigger, word, confidence, field)
        for source in sources
        for target in targets
        if not source.same_party(target)
    ]


def _event(
    source: Actor, target: Actor, trigger: Trigger, word: Token, confidence: float, field: TextField
) -> CodedEvent:
    return CodedEvent(source, target, trigger.event, trigger.mode, word.sent, word, confidence, field)


def _opposed(target: Actor, word: Token) -> bool:
    """Whether ``target`` is named after "against" in what ``word`` governs: an opponent, never the one helped.

    "defend its territory against Russia", "agreed to cooperate against Ethiopia's dam": whatever the act does
    for its partners, it does nothing cooperative for the party it is against. The party is matched by the name
    it resolved to, so "against Moscow" for Russia is not caught.
    """
    opposed = {w.text for prep in word.subtree if prep.lower_ == "against" for o in prep.children for w in o.subtree}
    return bool(opposed) and set(target.name.split()) <= opposed


# Nouns of travel that are a visit only when a state, its officials or an organisation make it ("a trip to Beijing").
TRAVEL_NOUNS = {"trip", "journey"}
# Fighting that takes two sides: "troops clashed", "exchanged fire", "the fighting between them".
MUTUAL_COMBAT = {
    "clash", "fight", "fighting", "battle", "exchange", "trade", "skirmish", "war", "engage", "firefight", "duel",
}  # fmt: skip


def _one_sided_attack(trigger: Trigger, word: Token) -> bool:
    """ "The United States and Britain launched airstrikes": partners attacking someone, not each other
    (unless the text says so: "pounded each other's posts")."""
    if trigger.event is not EventType.ASSAULT or word.lemma_.lower() in MUTUAL_COMBAT:
        return False
    words = [w.lower_ for w in word.subtree]
    return not any(a in ("each", "one") and b in ("other", "another") for a, b in pairwise(words))
