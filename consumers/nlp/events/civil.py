"""Blockades, roadblocks and marches by people of no state are protests, not coercion.

A state blockading a port coerces; villagers, students or truckers
blockading a ministry or blocking a highway protest ("The ministry was blockaded by
students", "reversed the cut after 12 days of roadblocks by Indigenous
groups"). The act is read as a protest when those doing it are people
(civilians, activists, workers, businesses): those the actor tables name
with such a sector, or a "by" phrase naming no state actor at all.
"""

from spacy.tokens import Token

from consumers.nlp.events.entities import Actor
from consumers.nlp.events.triggers import noun_trigger, verb_trigger
from schemas import EventType

# Acts that civilians do as protest and states as coercion.
CIVIL_ACTIONS = {"blockade", "roadblock", "barricade", "occupy", "occupation", "march", "besiege"}
# What people block to protest ("blocked a highway", "blocked roads with tractors"); a state blocking aid refuses.
THOROUGHFARES = {"road", "highway", "motorway", "bridge", "street", "railway", "junction", "intersection", "square"}
# Who acts as people, not as a state or an armed group: they strike, march and blockade in protest.
PEOPLE = {"civilians", "opposition", "protesters", "health", "business", "media"}


def by_people(sources: list[Actor]) -> bool:
    """Whether all of ``sources`` are people rather than a state, an army or an armed group."""
    return bool(sources) and all(s.sector in PEOPLE for s in sources)


def civil_action(word: Token, sources: list[Actor]) -> bool:
    """ "blockaded by students", "roadblocks by farmers", "students blocked a highway": people's civil act protests."""
    lemma = word.lemma_.lower()
    blocked = lemma == "block" and any(c.dep_ == "dobj" and c.lemma_.lower() in THOROUGHFARES for c in word.children)
    return (lemma in CIVIL_ACTIONS or blocked) and by_people(sources)


def agents_of_people(noun: Token, named: list[Actor]) -> bool:
    """ "roadblocks by Indigenous groups": the "by" phrase names people, or no state actor at all.

    ``named`` are the actors read off the "by" phrase; a noun with no "by"
    phrase says nothing of who did it, and is left to its own reading.
    """
    if noun.lemma_.lower() not in CIVIL_ACTIONS or not by_phrases(noun):
        return False
    return not named or by_people(named)


def by_phrases(noun: Token) -> list[Token]:
    """The "by" phrases of a noun, or of the span of time it is "of" ("days of road blockades by farmers")."""
    span = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    return [p for p in (*noun.children, *span.children) if p.dep_ == "prep" and p.lower_ == "by"]


def as_protesters(actor: Actor) -> Actor:
    """ "Thousands of people marched": civilians who protest are coded as protesters."""
    if actor.sector != "civilians":
        return actor
    if actor.id == "group:civilians":
        return Actor("group:protesters", actor.name, "protesters")
    return Actor(actor.id, actor.name, "protesters", actor.person)


SETTING_PREPS = frozenset({"during", "at"})


def protest_setting(verb: Token) -> Token | None:
    """The protest people were detained or dispersed at: "arrested 20 people during a rally".

    The protest is the protesters', not the doer's, and those the act
    coerced are protesters. Killings at a rally are left alone: a bomb at
    an election rally strikes no protest.
    """
    force = verb_trigger(verb)
    if force is None or force.event is not EventType.COERCE:
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in SETTING_PREPS):
        for noun in (o for o in prep.children if o.dep_ == "pobj"):
            found = noun_trigger(noun)
            if found is not None and found.event is EventType.PROTEST:
                return noun
    return None


def held_at_protest(verb: Token, event: EventType, targets: list[Actor]) -> list[Actor]:
    """Unnamed people detained or dispersed at a protest are its protesters, whoever held them."""
    if event is not EventType.COERCE or protest_setting(verb) is None:  # not "freed"
        return targets
    return [as_protesters(t) for t in targets]
