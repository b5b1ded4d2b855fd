"""Acts done through the clause on their object: "lifted the sanctions it had imposed on Guinea".

When the object's relative clause has the main verb's own subject as its
doer, the main act is done to whoever the clause names: "ECOWAS lifted the
sanctions it had imposed on Guinea" lifts them from Guinea, "Kenya withdrew
the troops it had sent to Somalia" withdraws them from Somalia. The clause
is background and, where the main act undoes it, not coded again.
"""

from typing import TYPE_CHECKING

from spacy.tokens import Token

from consumers.nlp.events.entities import Actor
from consumers.nlp.events.gaps import gap_objects
from consumers.nlp.events.rules import UNDOING_VERBS, unique
from consumers.nlp.events.triggers import noun_trigger, verb_trigger
from schemas import EventType

if TYPE_CHECKING:
    from consumers.nlp.events.targets import Targets


def undone(noun: Token) -> bool:
    """Whether ``noun`` is what a verb undoes ("ended the blockade it had imposed"): its clause is not coded."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in UNDOING_VERBS


def own_object_clauses(verb: Token) -> list[Token]:
    """The object-gap clauses on ``verb``'s objects: "lifted the sanctions [it had imposed on Guinea]"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return [c for o in objects for c in o.children if c.dep_ in ("relcl", "acl") and gap_objects(c)]


def clause_targets(parties: "Targets", verb: Token, sources: list[Actor], consumed: set[int]) -> list[Actor]:
    """Whom ``verb`` acts on through its object's clause, when that clause's doer is ``verb``'s own subject.

    "Kenya withdrew the troops it had sent to Somalia": Somalia. Where the main
    verb undoes the clause's act (lifts, withdraws, ends), the clause is not
    coded on its own: it is what is undone.
    """
    own = {s.id for s in sources}
    found: list[Actor] = []
    for clause in own_object_clauses(verb):
        doers, _ = parties.subjects(clause)
        if not doers or not {d.id for d in doers} <= own:
            continue
        kind = verb_trigger(clause) or noun_trigger(clause.head)
        if kind is None:
            continue
        found += parties.objects(clause, kind.event)
        main = verb_trigger(verb)
        if found and (verb.lemma_.lower() in UNDOING_VERBS or (main is not None and main.event is EventType.RETREAT)):
            consumed.add(clause.i)
    return unique(found)
