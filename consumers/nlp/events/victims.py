"""People harmed by an armed group are its target, not the country of the place where it struck them.

When insurgents, gangs or bandits kill or abduct unnamed people ("Nine
farmers were abducted by militants from their fields in Sokoto state"), the
analyst codes the group against the people (``group:civilians``); the
country of the place is where it happened, not a party. A state's forces
striking a town abroad are another matter (the town's country is attacked),
and victims with a nationality or a state sector ("Nigerian soldiers",
"a Chinese engineer") carry their country: only a country found with no
sector of its own (a place's) gives way.
"""

from typing import TYPE_CHECKING

from spacy.tokens import Token

from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.events.entities import Actor, EntityReader
from consumers.nlp.events.lexicon import CORE_PATTERNS
from consumers.nlp.events.rules import SUBJECT_DEPS
from consumers.nlp.events.triggers import noun_trigger
from schemas import EventType, stance_of

if TYPE_CHECKING:
    from consumers.nlp.events.parties import Parties

HARM = (EventType.ASSAULT, EventType.COERCE)
NON_STATE_ARMED = ("rebels", "criminals")


def victims_over_places(sources: list[Actor], targets: list[Actor], event: EventType) -> list[Actor]:
    """``targets`` less a bare country beside the unnamed people a non-state armed source harmed."""
    if event not in HARM or not sources or not any(t.id.startswith("group:") for t in targets):
        return targets
    if not all(s.sector in NON_STATE_ARMED and not s.id.startswith("country:") for s in sources):
        return targets
    return [t for t in targets if not (t.id.startswith("country:") and t.sector is None)]


KILLING = {"kill", "wound", "injure", "massacre", "slaughter"}  # clauses telling whom an act harmed
LOCATIVE = {"in", "near", "outside", "at", "on", "inside", "across"}


def harming_act(parties: "Parties", verb: Token) -> Token | None:
    """The act whose harm a clause tells: "struck X, killing five", "a strike on X, which killed 30"."""
    while verb.dep_ == "conj" and verb.tag_ == "VBG":  # "killing five people and damaging a hospital"
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not subjects:
        return verb.head
    return parties.act_referred_to(verb, subjects[0]) if subjects else None


def struck_a_thing(reader: EntityReader, act: Token) -> bool:
    """Whether the act's object is a thing named only by where it is ("a market in Kidal"), not an actor."""
    objects = [c for c in act.children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].i in reader.owners or objects[0].pos_ != "NOUN":
        return False
    thing = objects[0]
    if noun_trigger(thing) is not None or (act.lemma_.lower(), thing.lower_) in CORE_PATTERNS:
        return False  # "opened fire on protesters", "launched strikes": the object is the act itself
    placed = {t.i for c in thing.children if c.dep_ == "prep" and c.lower_ in LOCATIVE for t in c.subtree}
    return not any(t.i in reader.owners or t.dep_ == "prep" for t in thing.subtree if t.i not in placed)


def harmed(parties: "Parties", coded: list[CodedEvent], verb: Token, targets: list[Actor]) -> list[Actor]:
    """The targets of a harm clause ("killing five people") given what its act was already coded against.

    An act coded against a country or group has its target: "pounded Kharkiv, killing five people" is
    Ukraine's, "fired on protesters, killing 19" the protesters'. An act on a thing in a place ("raided a
    market in Kidal, killing six traders") harmed the people killed, not the place's country, unless a
    state's forces struck it abroad; the place's country's event is then taken out of ``coded``.
    """
    act = harming_act(parties, verb)
    if act is None:
        return targets
    struck = [e for e in coded if e.trigger.i == act.i and stance_of(e.event) == "hostile"]
    if targets and struck and verb.lemma_.lower() in KILLING and struck_a_thing(parties.reader, act):
        # a state's forces striking a thing in another state attack that state; at home or unarmed, the people
        placed = [e for e in struck if e.target.id.startswith("country:") and e.target.sector is None]
        placed = [e for e in placed if not e.source.id.startswith("country:") or e.source.id == e.target.id]
        if placed:
            coded[:] = [e for e in coded if e not in placed]
            return targets
    if any(e.target.id.startswith(("country:", "group:")) for e in struck):
        return [t for t in targets if not t.id.startswith("group:")]
    return targets
