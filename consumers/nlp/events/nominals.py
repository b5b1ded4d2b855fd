"""Events named by a noun whose parties stand in its prepositions: "between", "at the request of".

Two frames where English makes a noun name an act even when the noun is no
curated event word, so its event can come from the verb it is derived from
("clashes" from "clash", "insistence" from "insist"), looked up in the
curated core first and the CAMEO dictionary second:

- "between X and Y" after the noun of a mutual act ("clashes between
  Malian troops and Tuareg rebels", "fighting between the army and the
  rebels") names both sides of it; a noun of travel ("flights between") names
  a route, not parties;
- "in a clash with X" after a verb names the other side of the fighting the
  clause's people were in: those who died or were killed in it were struck
  by X ("three soldiers died in a clash with PKK militants"), a clause's
  attackers struck X ("torched a police station after a gun battle with
  officers"), whatever place the clause also names;
- "denied X's claims that ..." is X charging the denier, as "denied X's
  accusations" is;
- "at the request of X", "at X's insistence" hangs a demand on an act: X
  asks the one who acts, and the actor gives way to X unless the act is a
  hostile one done to someone else at X's bidding ("impounded the ship at
  Kyiv's request" is help to Kyiv against the ship's owners, not a
  concession).
"""

from spacy.tokens import Token

from consumers.nlp.events.actors import ActorReader
from consumers.nlp.events.answers import ANSWERING_VERBS
from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.lexicon import CORE_VERBS, NOT_EVENTS, Trigger
from consumers.nlp.events.pairing import MUTUAL_COMBAT, paired_events
from consumers.nlp.events.parties import Parties
from consumers.nlp.events.rules import VISIT_VERBS, governing_verb, preposition_objects, unique
from consumers.nlp.events.triggers import derived_verbs, verb_trigger
from schemas import EventType, TextField, stance_of

# Suffixes that turn a verb into the noun of its act, with what restores the verb
# ("insistence" → "insist", "urging" → "urge", "deployment" → "deploy", "arrival" → "arrive").
NOMINAL_SUFFIXES = (("ence", ("", "e")), ("ance", ("", "e")), ("ing", ("", "e")), ("ment", ("",)), ("al", ("e",)))
# Nouns of saying whose content, denied or dismissed by the one it is about, is a charge.
CLAIM_NOUNS = {"claim", "report", "suggestion", "assertion", "allegation"}
# Verbs whose subject is the one harmed ("died in a clash with").
DYING_VERBS = {"die", "perish"}
# Events two sides do to each other, the only ones "between" makes mutual from a derived verb.
MUTUAL_EVENTS = {EventType.ASSAULT, EventType.CONSULT}  # not "a rail link between China and Laos"


def deverbal_trigger(noun: Token) -> Trigger | None:
    """The event of the verb a noun is made from ("clashes", "insistence"), if the tables know the verb."""
    lemma = _combat_word(noun.lemma_.lower())
    forms = [lemma] + [
        lemma[: -len(suffix)] + ending
        for suffix, endings in NOMINAL_SUFFIXES
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2
        for ending in endings
    ]
    for form in forms:
        if form in NOT_EVENTS or form in VISIT_VERBS:  # "flights between two cities": a route
            continue
        found = CORE_VERBS.get(form) or derived_verbs().get(form)
        if found is not None:
            return Trigger(found.event, found.mode)
    return None


def framed_trigger(noun: Token) -> Trigger | None:
    """A derived event for a noun only where its frame makes it an act: "clashes between", "at the insistence of"."""
    if noun.pos_ != "NOUN":
        return None
    if _denied_claim(noun):
        return Trigger(EventType.ACCUSE, "allege")
    found = deverbal_trigger(noun)
    if found is None:
        return None
    if _between(noun) and found.event in MUTUAL_EVENTS:
        return found
    if _behest_frame(noun) and found.event is EventType.REQUEST:
        return found
    if _fought_with(noun) and found.event is EventType.ASSAULT:
        return found
    return None


def framed_events(parties: Parties, noun: Token, trigger: Trigger, field: TextField) -> list[CodedEvent] | None:
    """The events of a noun whose frame names its parties ("at Kyiv's request", "in a clash with X"), else None."""
    behest = behest_events(parties, noun, trigger, field)
    return behest if behest is not None else combat_events(parties, noun, trigger, field)


def combat_events(parties: Parties, noun: Token, trigger: Trigger, field: TextField) -> list[CodedEvent] | None:
    """ "Three Turkish soldiers died in a clash with PKK militants": the PKK struck Turkey's soldiers.

    Those who fell in it were struck by the side named after "with"; a clause's own actors ("gangs torched a
    station after a gun battle with police") are the attackers.

    ``None`` where the noun is no fighting with a named side in a clause that names the other.
    """
    governor = governing_verb(noun)
    if trigger.event is not EventType.ASSAULT or governor is None or not (fought := _fought_with(noun)):
        return None
    others = unique([a for o in fought for a in parties.reader.actors(o)])
    doers, done_to = parties.subjects(governor)
    fell = done_to or (doers if governor.lemma_.lower() in DYING_VERBS else [])  # "died in", "were killed in"
    sides = [a for a in fell or doers if not any(a.same_party(o) for o in others)]
    if not others or not sides:
        return None
    if fell:  # the side they fought struck them
        return paired_events(others, sides, trigger, noun, 0.7, field, mutual=False)
    return paired_events(sides, others, trigger, noun, 0.7, field, mutual=False)  # "after a gun battle with police"


def between_parties(reader: ActorReader, noun: Token) -> list[Actor] | None:
    """The sides "between" names at an event noun, or ``None`` where it has no "between".

    The parser often hangs what the sides come from on the noun itself
    ("talks between trade officials from the two countries"): when the
    "between" object names no pair, the noun's "from" does.
    """
    objects = _between(noun)
    if not objects:
        return None
    parties = reader.actors(objects[0])
    if len(parties) < 2:
        found = unique([a for o in preposition_objects(noun, ("from",)) for a in reader.actors(o)])
        parties = found if len(found) >= 2 else parties
    return parties


def behest_events(parties: Parties, noun: Token, trigger: Trigger, field: TextField) -> list[CodedEvent] | None:
    """ "devalued its currency at the insistence of the IMF": the IMF asks, the actor gives way.

    ``None`` where the noun is no demand hung on an act with "at"; the act's
    own event is coded at its verb.
    """
    if trigger.event is not EventType.REQUEST or not _behest_frame(noun):
        return None
    act = noun.head.head
    if act.pos_ not in ("VERB", "AUX"):
        return None
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += preposition_objects(noun, ("of",))
    askers = unique([a for o in owners for a in parties.reader.actors(o)])
    actors = [a for a in parties.subjects(act)[0] if not any(a.same_party(s) for s in askers)]
    if not askers or not actors:
        return []
    coded = paired_events(askers, actors, trigger, noun, 0.7, field, mutual=False)
    own = verb_trigger(act)
    if own is None or stance_of(own.event) == "cooperative":  # complying is giving way; a hostile act is help
        coded += paired_events(actors, askers, Trigger(EventType.CONCEDE), noun, 0.65, field, mutual=False)
    return coded


def _denied_claim(noun: Token) -> bool:
    """ "denied Pakistani claims that militants operate from Afghan soil": a claim about the denier is a charge.

    A claim whose clause names another party as its subject ("dismissed claims that Afghanistan shelters
    militants") is about that party, not the one dismissing it.
    """
    if noun.lemma_.lower() not in CLAIM_NOUNS or noun.dep_ != "dobj" or noun.head.lemma_.lower() not in ANSWERING_VERBS:
        return False
    subjects_of_denial = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    deniers = {word.lower_ for subject in subjects_of_denial for word in subject.subtree}
    for clause in (c for c in noun.children if c.dep_ in ("acl", "ccomp")):
        if any(m.lower_ == "that" for m in clause.children):
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            named = [s for s in subjects if s.pos_ == "PROPN" and s.lower_ not in deniers]
            return not named
    return False


def _combat_word(lemma: str) -> str:
    """ "gunfight", "firefight", "gunbattle": the fighting word a compound noun is made on."""
    return next((word for word in ("fight", "battle") if lemma.endswith(word)), lemma)


def _fought_with(noun: Token) -> list[Token]:
    """The objects of "with" at a noun of fighting that takes two sides ("a clash with", "fighting with")."""
    if _combat_word(noun.lemma_.lower()) not in MUTUAL_COMBAT:
        return []
    return preposition_objects(noun, ("with",))


def _between(noun: Token) -> list[Token]:
    return preposition_objects(noun, ("between",))


def _behest_frame(noun: Token) -> bool:
    """ "at the request of X", "at X's insistence": a demand named as the circumstance of an act."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "at":
        return False
    owned = any(c.dep_ == "poss" for c in noun.children)
    return owned or any(p.dep_ == "prep" and p.lower_ == "of" for p in noun.children)
