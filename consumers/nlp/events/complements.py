"""Targets named inside a clause a verb governs: "agreed to resume talks with Japan", "warned that X would pay".

A promise, demand or threat often names its target only in what it is
about: the subject of "demanded that Kabul act", the object of "vowed to
help rebuild Lebanon's army", or, when the speaker's own side is the one
that would act, whoever that act would hit ("warned that Athens would
respond to any Turkish incursion").
"""

from collections.abc import Sequence

from spacy.tokens import Token

from consumers.nlp.events.entities import Actor
from consumers.nlp.events.rules import SUBJECT_DEPS, UNASSERTING, target_preps, unique
from consumers.nlp.events.targets import Targets
from consumers.nlp.events.triggers import noun_trigger, verb_trigger
from schemas import EventType


def nested_targets(parties: Targets, verb: Token, event: EventType, sources: Sequence[Actor] = ()) -> list[Actor]:
    """The targets the verb's complement or condition names, when the verb names none itself."""
    found: list[Actor] = []
    for child in verb.children:
        condition = [c for c in child.children if c.dep_ == "mark" and c.lower_ in ("if", "unless")]
        if event is EventType.THREATEN and child.dep_ == "advcl" and condition:  # "... if the Dutch went ahead"
            subjects = [c for c in child.children if c.dep_ in SUBJECT_DEPS]
            found.extend(a for s in subjects for a in parties.reader.actors(s))
            continue
        purpose = child.dep_ == "advcl" and event in (EventType.AGREE, EventType.AID)  # "pledged $4bn to help X"
        if (child.dep_ in ("xcomp", "ccomp") or purpose) and child.pos_ in ("VERB", "AUX"):
            found.extend(_clause_targets(parties, child, event, sources))
            if not found:  # "threatened to close the pass and cut power to Chad": the second act's
                for second in (c for c in child.children if c.dep_ == "conj" and c.pos_ == "VERB"):
                    found.extend(_clause_targets(parties, second, event, sources))
    return unique(found)


def _clause_targets(parties: Targets, clause: Token, event: EventType, sources: Sequence[Actor]) -> list[Actor]:
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    passive = [c for c in clause.children if c.dep_ == "nsubjpass"] if event is EventType.THREATEN else []
    if subjects and event in UNASSERTING:  # "demanded that Kabul act", "warned that Israel would pay"
        return _warned_of(parties, clause, subjects[0], event, sources)
    if passive and not subjects:  # "warned that any Guyanese move would be met with force": the move's maker
        answered = parties.object_actors(passive[0], set(), 0)
        if answered:
            return answered
    if subjects:
        return []
    own = verb_trigger(clause)
    found = parties.objects(clause, own.event if own is not None else event)
    if not found:  # "pledged to help rebuild Lebanon's army"
        found = nested_targets(parties, clause, event)
    for word in clause.children:
        if word.dep_ == "dobj" and noun_trigger(word) is not None:
            found += parties.objects(word, event)
    return found


def _warned_of(
    parties: Targets, clause: Token, subject: Token, event: EventType, sources: Sequence[Actor]
) -> list[Actor]:
    """Whom a demand or warning about ``clause`` is aimed at: its subject, or whom the speaker's side would hit."""
    named = parties.object_actors(subject, target_preps(event, noun=False), 0)
    if event is EventType.THREATEN and named and all(any(n.id == s.id for s in sources) for n in named):
        own = verb_trigger(clause)  # "warned that Athens would respond to any Turkish incursion": Turkey
        return parties.objects(clause, own.event if own is not None else event)
    return named
