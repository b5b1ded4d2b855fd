"""Forces that come near another state, told as the cause of what that state did.

"Finland put its air force on alert after Russian jets entered its
airspace", "Guyana went on alert as Venezuelan gunboats approached its
coast": the forces' approach is a show of force (MOBILIZE) against the
state that answers it by going on alert or mobilising. Only a state's
forces, only in a clause marked "after", "as", "when" or "while", and only
against another state.
"""

from typing import TYPE_CHECKING

from spacy.tokens import Token

from consumers.nlp.events.assertion import negated
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.triggers import verb_trigger
from schemas import EventType

if TYPE_CHECKING:
    from consumers.nlp.events.parties import Parties

APPROACHING_VERBS = {"cross", "arrive", "enter", "approach", "sail", "fly", "advance", "mass", "gather", "circle"}
CAUSE_MARKS = {"after", "as", "when", "while"}
FORCES = {"military", "police"}


def forces_approaching(parties: "Parties", verb: Token, sources: list[Actor]) -> list[Actor]:
    """The states whose reaction a clause of forces approaching them explains, or ``[]``."""
    if verb.lemma_.lower() not in APPROACHING_VERBS or verb.dep_ != "advcl" or negated(verb):
        return []
    if not any(c.dep_ == "mark" and c.lower_ in CAUSE_MARKS for c in verb.children):
        return []
    if not sources or not all(s.id.startswith("country:") and s.sector in FORCES for s in sources):
        return []
    reaction = verb_trigger(verb.head)
    if reaction is None or reaction.event is not EventType.MOBILIZE:
        return []  # only a state that goes on alert or mobilises answers the approach ("welcomed the visit as ...")
    own = {s.id for s in sources}
    reacting = parties.subjects(verb.head)[0]
    return [Actor(r.id, r.name, None) for r in reacting if r.id.startswith("country:") and r.id not in own]
