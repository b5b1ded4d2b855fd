"""Reactions told in a relative clause: "a move Israel denounced", "an election which the West dismissed".

Also in a participle with its agent: "..., a move condemned by the United Nations".

The relative clause's verb has no object of its own (or only "which"): what
it reacts to is the phrase it hangs on. That phrase's owner is the target
("Venezuela's referendum, which Guyana rejected" → Venezuela);
an act with no owner ("a move", "a gesture", "a charge") is the act told
just before in the sentence, and the target is whoever did it.
"""

from spacy.tokens import Token

from consumers.nlp.events.actors import ActorReader
from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.rules import REACTIONS, REFERRING_NOUNS, unique
from consumers.nlp.events.triggers import verb_trigger

RELATIVE_WORDS = ("which", "that")
# Verbs that make what they are about ("the deal that Congo and Rwanda signed"): no reaction to another's act.
MAKING_VERBS = {"sign", "ratify", "initial", "conclude", "reach", "broker", "strike", "seal", "draft", "adopt"}


def reacted_in_relative(reader: ActorReader, coded: list[CodedEvent], verb: Token, sources: list[Actor]) -> list[Actor]:
    """The party a relative clause's reaction answers, or nothing when ``verb`` is no such clause."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not (verb.dep_ == "relcl" or judged_in_passing(verb)) or verb.lemma_.lower() in MAKING_VERBS:
        return []
    if objects and objects[0].lower_ not in RELATIVE_WORDS:
        return []
    antecedent = verb.head
    if antecedent.pos_ != "NOUN" or antecedent.i in reader.owners or reader.single(antecedent) is not None:
        return []  # "Russia, which Kyiv accused": the antecedent is a party, read as the object
    own = {s.id for s in sources}
    owners = [a for word in _owner_words(antecedent) for a in reader.actors(word) if a.id not in own]
    if owners:
        return owners[:1]
    before = [e for e in coded if e.sentence.start == verb.sent.start and e.trigger.i < verb.i]
    before = [e for e in before if e.source.id not in own]
    if before:  # "Finland and Denmark recognised ..., a move Israel condemned": both doers
        return unique([e.source for e in before if e.trigger.i == before[-1].trigger.i])
    acted = [a for i, a, did in reader.recent if did and verb.sent.start <= i < antecedent.i and a.id not in own]
    return acted[-1:]


def _owner_words(noun: Token) -> list[Token]:
    """The possessors of a noun phrase, also through "of" ("the result of Peru's vote")."""
    words = [c for c in noun.children if c.dep_ == "poss"]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for inner in (o for o in prep.children if o.dep_ == "pobj"):
            words += [inner] if inner.pos_ == "PROPN" else _owner_words(inner)
    return words


def judged_in_passing(verb: Token) -> bool:
    """ "a move condemned by the UN", "a decision welcomed by Kyiv": the agent reacts to the act just told."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.lemma_.lower() not in REFERRING_NOUNS:
        return False
    trigger = verb_trigger(verb)
    return trigger is not None and trigger.event in REACTIONS and any(c.dep_ == "agent" for c in verb.children)
