"""An attack told first and claimed after: "A bomb killed six officers. Al-Shabaab claimed responsibility."

The claimant is the attacker. Whom the attack struck is read back: the
targets of the attacks by unnamed attackers ("gunmen", "a suicide bomber")
coded in this or the previous sentence, whose events give way to the
claimant's, else the people a harm clause names ("killing six Somali
officers"). An attack told with its named doer is not claimed again.
"""

from typing import TYPE_CHECKING

from spacy.tokens import Token

from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.lexicon import Trigger
from consumers.nlp.events.pairing import paired_events
from consumers.nlp.events.rules import unique
from consumers.nlp.events.triggers import noun_trigger
from consumers.nlp.events.victims import KILLING
from schemas import EventType, TextField

if TYPE_CHECKING:
    from consumers.nlp.events.targets import Targets

CLAIMED = ("responsibility", "credit")
REFERRING = ("the", "this", "that", "these")


def claimed_attacks(parties: "Targets", verb: Token, field: TextField) -> list[CodedEvent]:
    """The attack ``verb`` claims, as the claimant's; nothing when ``verb`` claims no attack told before."""
    if not _claims_earlier_attack(verb):
        return []
    claimants = [a for a in parties.subjects(verb)[0] if not a.id.startswith("group:")]
    if not claimants:
        return []
    start = parties.reader.previous_sentence_start(verb)
    own = {a.id for a in claimants}
    earlier = [
        e
        for e in parties.coded
        if start <= e.trigger.i < verb.i and e.event is EventType.ASSAULT and e.source.id not in own
    ]
    unnamed = [e for e in earlier if e.source.id.startswith("group:")]  # "gunmen", "a suicide bomber": the claimant
    if earlier and not unnamed:
        return []  # "Israeli jets struck Gaza. Hamas claimed responsibility": the attack told has its doer
    targets = unique([e.target for e in unnamed]) or _harmed_before(parties, verb, start)
    if not targets:
        return []
    parties.coded[:] = [e for e in parties.coded if e not in unnamed]
    mode = next((e.mode for e in earlier if e.mode is not None), None)
    return paired_events(claimants, targets, Trigger(EventType.ASSAULT, mode), verb, 0.7, field, mutual=False)


def _claims_earlier_attack(verb: Token) -> bool:
    """ "claimed responsibility", "claimed responsibility for the attack", "said it had carried out the attack"."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "claim" and objects and objects[0].lemma_.lower() in CLAIMED:
        acts = [o for p in objects[0].children if p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]
        return not acts or _refers_back(acts[0])
    carried = lemma == "carry" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return carried and bool(objects) and _refers_back(objects[0])


def _refers_back(noun: Token) -> bool:
    """ "the attack", "this bombing": an attack told before, naming no one of its own."""
    trigger = noun_trigger(noun)
    if trigger is None or trigger.event is not EventType.ASSAULT:
        return False
    named = any(c.dep_ in ("poss", "prep", "acl", "relcl", "compound", "amod") for c in noun.children)
    return not named and any(c.dep_ == "det" and c.lower_ in REFERRING for c in noun.children)


def _harmed_before(parties: "Targets", verb: Token, start: int) -> list[Actor]:
    """Those a harm clause before ``verb`` names: "a car bomb exploded, killing six Somali officers"."""
    harmed: list[Actor] = []
    for word in parties.reader.doc[start : verb.i]:
        if word.pos_ == "VERB" and word.lemma_.lower() in KILLING:
            for child in (c for c in word.children if c.dep_ in ("dobj", "nsubjpass")):
                harmed += parties.object_actors(child, set(), 0)
    return unique(harmed)
