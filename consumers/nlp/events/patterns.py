"""The CAMEO dictionary's phrasal verbs and verb + argument patterns, for verbs with no event of their own.

Much of the dictionary's knowledge is not in its verbs' default codes:
whole blocks ("FINISH", "REVOKE") carry the null code and say everything in
their patterns ("WRAP_UP * VISIT", "SET * ABLAZE", "BURN * DOWN", "CALL_OFF *
STRIKE"), and multi-word verbs ("call off", "take over") are keyed by verb
and particle. A lookup by the verb's lemma alone finds neither, so the coder
missed "set ablaze an oil refinery" and "wrapped up a visit". Here a verb
that has no event of its own is tried as verb + particle, then against its
patterns: each pattern's words must all be among the verb's arguments (its
particle, objects and complements, with their modifiers), and a pattern with
a preposition needs that preposition among the verb's children. The pattern
with the most words wins.

A verb + argument pattern's event is one-sided: it says what the subject
does with a thing ("took part in the qualifiers", "held elections",
"launched an operation"), not that coordinated subjects act on each other,
as a verb or noun of joint action does ("agreed", "clashed", "held talks",
and multi-word verbs such as "get together"). "Spain and Portugal held
elections" is two parties doing the same thing, no event between them.
"""

from functools import cache

from spacy.tokens import Token

from consumers.nlp import event_tables
from consumers.nlp.event_tables import VerbPattern
from consumers.nlp.events.lexicon import Trigger
from schemas import EventType

# The verb's own arguments whose words a pattern may name ("set ablaze", "held talks", "burned down").
ARGUMENT_DEPS = {"dobj", "nsubjpass", "oprd", "acomp", "advmod", "prt", "attr", "dative"}
MODIFIER_DEPS = {"compound", "amod", "prt"}  # "trade talks", "joint exercises"


def _words(token: Token) -> set[str]:
    """A word as patterns spell it (lower case, lemma, singular) with its compounds and adjectives."""
    found = {token.lower_, token.lemma_.lower()}
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS:
            found |= {child.lower_, child.lemma_.lower()}
    return found


@cache
def _phrasal() -> dict[str, Trigger]:
    """Multi-word verbs of the derived table ("call off", "take over") by "verb particle"."""
    verbs = event_tables.verb_lexicon().verbs
    return {lemma: Trigger(EventType(v.event), v.mode) for lemma, v in verbs.items() if " " in lemma}


def _matches(pattern: VerbPattern, direct: set[str], preps: dict[str, set[str]]) -> bool:
    """Whether the verb's words hold all the pattern's: its direct dependents' words, and its preposition's
    objects' words when the pattern names one ("set ablaze", "called off the strike")."""
    if pattern.prep is not None and pattern.prep not in preps:
        return False
    pool = direct | preps.get(pattern.prep, set()) if pattern.prep is not None else direct
    return bool(pattern.words) and all(word in pool for word in pattern.words)


# Nouns of acts two parties do together: a pattern with one ("reach a compromise") reads both ways.
JOINT_ACT_NOUNS = {
    "compromise", "consensus", "agreement", "deal", "accord", "understanding", "settlement", "truce", "ceasefire",
    "discussion", "discussions", "talk", "talks", "negotiation", "negotiations", "summit", "meeting", "consultation",
    "consultations", "manoeuvre", "manoeuvres", "maneuver", "maneuvers", "exercise", "exercises", "drill", "drills",
    "patrol", "patrols",
}  # fmt: skip


def pattern_trigger(verb: Token) -> Trigger | None:
    """The dictionary's event for a verb with none of its own: its particle form, else its best pattern."""
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    keys = [f"{lemma} {p}" for p in particles]
    for key in keys:
        if key in _phrasal():
            return _phrasal()[key]
    direct: set[str] = set()
    preps: dict[str, set[str]] = {}
    for child in verb.children:
        if child.dep_ in ARGUMENT_DEPS:
            direct |= _words(child)
        elif child.dep_ == "prep":
            objects = [o for o in child.children if o.dep_ == "pobj"]
            preps.setdefault(child.lower_, set()).update(w for o in objects for w in _words(o))
    table = event_tables.verb_lexicon().patterns
    for key in (*keys, lemma):
        found = [
            p for p in table.get(key, ()) if _matches(p, direct - set(particles) if key != lemma else direct, preps)
        ]
        if found:
            best = max(found, key=lambda p: len(p.words))  # the first of the longest, in table order
            # "took part", "held elections": one party's act; "reached a compromise", "held drills": a joint one
            return Trigger(EventType(best.event), best.mode, one_sided=not set(best.words) & JOINT_ACT_NOUNS)
    return None
