"""Which PLOVER event a word triggers, its particle, object and modifiers taken into account.

Two layers: the curated core in ``lexicon``, which wins where both know a
word, and the tables derived from the CAMEO verb dictionary and the CAMEO →
PLOVER conversion (``consumers.nlp.event_tables``, broad but noisy).
"""

from functools import cache

from spacy.tokens import Token

from consumers.nlp.events.contact import received_contact
from consumers.nlp.events.lexicon import (
    ADVANCING_VERBS,
    ALERT_VERBS,
    BORDER_NOUNS,
    CLOSING_VERBS,
    CORE_NOUN_PHRASES,
    CORE_NOUNS,
    CORE_PATTERNS,
    CORE_PHRASAL,
    CORE_VERBS,
    FORCE_WORDS,
    KILLING_VERBS,
    LEAVING_VERBS,
    LIGHT_VERBS,
    MOVING_VERBS,
    NOT_EVENTS,
    Trigger,
)
from consumers.nlp.events.patterns import pattern_trigger
from consumers.nlp.events.purpose import delivers_help
from consumers.nlp.events.reversal import OWN_WORDS, QUANTITIES, reversed_event
from consumers.nlp.events.sectors import names_an_igo
from schemas import EventType

E = EventType


# What a spokesperson declines to do without refusing anyone: "declined to comment", "refused to elaborate".
UNSAID = {"comment", "elaborate", "confirm", "speculate", "say", "specify", "disclose", "identify", "name"}
OWN_PROCEDURES = {"vote", "debate", "hearing", "session", "ballot", "reading", "decision", "ruling", "verdict"}


@cache
def derived_verbs() -> dict[str, Trigger]:
    """The CAMEO verb dictionary's default events, by verb lemma (empty if the tables are missing)."""
    from consumers.nlp import event_tables

    return {lemma: Trigger(EventType(v.event), v.mode) for lemma, v in event_tables.verb_lexicon().verbs.items()}


def verb_trigger(verb: Token) -> Trigger | None:
    """The event a verb signals, its particle and object taken into account.

    A support verb ("imposed", "held", "signed") comes back ``light``: the
    coder prefers its object's event ("sanctions", "talks", "a deal").
    """
    lemma = verb.lemma_.lower()
    if received_contact(verb):
        return None  # "took a call from X": the call is X's, coded at the noun
    if lemma in CROWD_WEAPON_VERBS and _crowd_weapon(verb):
        return Trigger(E.COERCE)  # "fired tear gas at protesters": force to disperse, not an armed attack
    if lemma in ("walk", "storm") and _left_talks(verb):
        return Trigger(E.SANCTION, "discontinue")  # "walked out of talks with Sudan": talks broken off
    if lemma == "let" and not _let_through(verb):
        return None  # "let the ceasefire lapse", "let the bid stall": no concession to anyone
    if lemma in ("decline", "refuse") and any(c.dep_ == "xcomp" and c.lemma_.lower() in UNSAID for c in verb.children):
        return None  # "declined to comment on reports": nothing refused to anyone
    if lemma in ("postpone", "delay", "defer", "adjourn") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in OWN_PROCEDURES for c in verb.children
    ):
        return None  # "postponed a vote on the bill": a body's own business put off, no one refused
    if lemma == "hand" and _arms_to_a_state(verb):
        return Trigger(E.AID, "military")  # "handed over F-16 jets to Ukraine": arms given, not returned
    for child in verb.children:  # "called on France", "pulling its troops back": however the parser hung it
        dated = child.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in child.children)
        if child.dep_ in ("prt", "prep", "advmod") and (lemma, child.lower_) in CORE_PHRASAL and not dated:
            return CORE_PHRASAL[(lemma, child.lower_)]  # not "called Xi on Monday"
    if lemma == "return" and not _returns_something(verb):
        return None  # "after returning from a week in China": travel home, not a return of people or property
    undone = reversal_of(verb)
    if undone is not None:  # "dropped the charges", "cancelled the deal": the object's event reversed
        return undone
    if delivers_help(verb):  # "deployed troops to help Syrian forces": help, not a show of force
        return _light(lemma, CORE_VERBS[lemma]) if lemma == "commit" else Trigger(E.AID)
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            for word in (child.lower_, child.lemma_.lower(), _singular(child), _hyphenated(child)):
                if (lemma, word) in CORE_PATTERNS:
                    return CORE_PATTERNS[(lemma, word)]
    if (held := held_under(verb)) is not None:
        return held
    if _moves_forces(verb) or _alerts(verb):
        return Trigger(E.MOBILIZE, "troops")
    if declared_unwelcome(verb):
        return Trigger(E.SANCTION, "expel")
    if lemma in ("leave", "exit") and any(_names_an_igo(c) for c in verb.children if c.dep_ == "dobj"):
        return Trigger(E.SANCTION, "withdraw")  # "left ECOWAS": leaving a bloc
    drills = [o for p in verb.children if p.lower_ == "in" for o in p.children if o.lemma_.lower() in DRILL_NOUNS]
    if lemma in SURROUNDING and drills:
        return Trigger(E.MOBILIZE, "military")  # "encircled Taiwan in large-scale drills"
    if lemma in ("leave", "quit", "exit") and _of_forces(verb, ("nsubj",)):
        return Trigger(E.RETREAT, "withdraw")  # "the last US troops left Afghanistan"
    if tells_to_act(verb):
        return Trigger(E.REQUEST)  # "told Moscow to stop its violations"
    if makes_pay(verb):
        return Trigger(E.THREATEN)  # "vowed to make Prague pay a heavy price"
    ordered = [c for c in verb.children if c.dep_ == "xcomp"]
    ordered += [g for c in verb.children if c.dep_ == "dobj" for g in c.children if g.dep_ in ("relcl", "acl")]
    if lemma == "order" and any(c.lemma_.lower() in LEAVING_VERBS for c in ordered):  # however "to leave" hangs
        return Trigger(E.SANCTION, "expel")  # "ordered French troops to leave the country"
    if lemma == "order" and any(c.lemma_.lower() in CLOSING_VERBS for c in ordered):
        return Trigger(E.COERCE, "restrict")  # "ordered a broadcaster to shut its bureau"
    killed = any(p.lower_ == "to" and any(o.lower_ == "death" for o in p.children) for p in verb.children)
    if killed and lemma in KILLING_VERBS:
        return Trigger(E.ASSAULT)  # "hacked to death", "beaten to death"
    found = CORE_VERBS.get(lemma) or (derived_verbs().get(lemma) if lemma not in NOT_EVENTS else None)
    if found is None:  # "set ablaze", "wrapped up a visit", "called off the strike": the dictionary's patterns
        named = any(c.dep_ in ("dobj", "nsubjpass") and noun_trigger(c) is not None for c in verb.children)
        return pattern_trigger(verb) if lemma not in LIGHT_VERBS or not named else None  # "announced a visit"
    return _light(lemma, found)


CROWD_WEAPON_VERBS = {"fire", "use", "lob", "spray", "shoot", "deploy"}
# What one state hands another as military aid.
ARMS = {
    "jet", "aircraft", "system", "tank", "missile", "weapon", "arm", "munition", "shell", "drone", "helicopter",
    "howitzer", "vehicle", "rifle", "ammunition", "launcher", "warship", "frigate", "submarine", "arms",
}  # fmt: skip


def _crowd_weapon(verb: Token) -> bool:
    """Whether what the verb fires is tear gas, water cannon or rubber bullets (a crowd-control noun phrase)."""
    fired = [w for c in verb.children if c.dep_ == "dobj" for w in (c, *c.conjuncts)]
    return bool(fired) and all((found := noun_trigger(w)) is not None and found.event is E.COERCE for w in fired)


def _left_talks(verb: Token) -> bool:
    """ "walked out of talks", "stormed out of the negotiations": leaving a meeting in anger."""
    outs = [c for c in verb.children if c.dep_ in ("prt", "prep", "advmod") and c.lower_ == "out"]
    left = [o for out in outs for p in (out, *out.children) if p.lower_ == "of" for o in p.children]
    left += [o for p in verb.children if p.lower_ == "of" and outs for o in p.children]  # "out" hung apart
    return any((found := noun_trigger(o)) is not None and found.event is E.CONSULT for o in left)


def held_under(verb: Token) -> Trigger | None:
    """ "placed under sanctions", "put under house arrest": the measure named after "under" is the act."""
    if verb.lemma_.lower() not in PLACING_VERBS:
        return None
    measures = [o for p in verb.children if p.lower_ == "under" for o in p.children if o.dep_ == "pobj"]
    found = noun_trigger(measures[0]) if measures else None
    return found if found is not None and found.event in (E.COERCE, E.SANCTION) else None


def _light(lemma: str, found: Trigger) -> Trigger:
    """The verb's event, flagged ``light`` for a support verb ("committed troops", "signed a deal")."""
    return Trigger(found.event, found.mode, True) if lemma in LIGHT_VERBS else found


def reversal_of(verb: Token) -> Trigger | None:
    """The event of undoing the verb's object ("lifted the sanctions", "called off the talks"), if it names one."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            # "dropped most of the tariffs": the quantity's "of" names what is dropped
            if child.lemma_.lower() in QUANTITIES:
                child = next((o for p in child.children if p.lower_ == "of" for o in p.children), child)
            own = any(c.dep_ == "poss" and c.lower_ in OWN_WORDS for c in child.children)
            joint = any(c.dep_ == "nsubj" and c.conjuncts for c in verb.children)  # "X and Y halted hostilities"
            own = own or (joint and child.lemma_.lower() in MUTUAL_FIGHTING)
            undone = reversed_event(verb.lemma_.lower(), particle, child.lemma_.lower(), noun_trigger(child), own)
            if undone is not None:
                return undone
    return None


def _returns_something(verb: Token) -> bool:
    """ "returned the tanker", "troops returned to their bases": something returned, or forces pulled back.

    Only a transitive return ("returned the hostages") hands people or property back to a party; an
    intransitive one is a RETREAT only for forces (the README's "withdraw troops, return"). People who
    return by themselves ("the refugees returned", "the ambassador returned to Moscow") travel: no event.
    """
    if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(_singular(w) in FORCE_WORDS for s in subjects for w in (s, *s.conjuncts))


def is_core(verb: Token) -> bool:
    """Whether the curated core gives the verb an event of its own ("give", "sign"), light or not."""
    return verb.lemma_.lower() in CORE_VERBS


def is_light(verb: Token) -> bool:
    """Whether the verb mostly carries its object's event ("launched strikes", "held talks")."""
    return verb.lemma_.lower() in LIGHT_VERBS and not received_contact(verb)  # "took a call from X" is X's


def _moves_forces(verb: Token) -> bool:
    """ "ordered troops to the border", not "ordered troops to withdraw" (what they are to do is its own event);
    forces moving themselves to a border ("troops were moving toward the Eritrean border") too."""
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma in ADVANCING_VERBS and to_a_border(verb) and _of_forces(verb, ("nsubj",)):
        return True
    sending = lemma in MOVING_VERBS or (lemma in ("send", "dispatch") and to_a_border(verb))  # "sent tanks to"
    return sending and sends_forces(verb)


def sends_forces(verb: Token) -> bool:
    """Whether what the verb moves or sends is armed forces ("sent thousands of troops")."""
    return _of_forces(verb, ("dobj", "nsubjpass"))


FORCE_MEASURES = QUANTITIES | {"column", "convoy", "contingent", "detachment", "wave", "number", "dozen"}


def _of_forces(verb: Token, deps: tuple[str, ...]) -> bool:
    """Whether the verb's ``deps`` name armed forces."""
    words = [w for c in verb.children if c.dep_ in deps for w in (c, *c.conjuncts)]
    counted = [w for w in words if w.ent_type_ == "CARDINAL" or w.like_num or w.lemma_.lower() in FORCE_MEASURES]
    words += [o for w in counted for p in w.children if p.lower_ == "of" for o in p.children]  # "thousands of troops"
    helping = ("medical", "rescue", "relief", "aid", "humanitarian", "engineering")  # "medical teams" heal
    return any(_singular(w) in FORCE_WORDS and not any(c.lower_ in helping for c in w.children) for w in words)


def to_a_border(word: Token) -> bool:
    """Whether a verb moves something to (or toward) a border or frontier."""
    return any(
        p.dep_ in ("prep", "dative") and p.lower_ in ("to", "toward", "towards") and o.lemma_.lower() in BORDER_NOUNS
        for p in word.children
        for o in p.children
    )


def _alerts(verb: Token) -> bool:
    """ "put its forces on high alert", "were placed on full alert"."""
    if verb.lemma_.lower() not in ALERT_VERBS:
        return False
    on = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children]
    on += [i for o in on for p in o.children if p.lower_ == "of" for i in p.children]  # "the highest level of"
    return any(o.lemma_.lower() in ("alert", "readiness", "standby", "footing") for o in on)  # "combat readiness"


def noun_trigger(noun: Token) -> Trigger | None:
    """The event a noun names ("strike", "sanctions", "aid", "talks"), if any."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and (child.lower_, noun.lemma_.lower()) in CORE_NOUN_PHRASES:
            return CORE_NOUN_PHRASES[(child.lower_, noun.lemma_.lower())]
    lower = noun.lower_
    money = ("$", "€", "£", "million", "billion", "dollars", "euros")
    if lower == "release" and any(o.ent_type_ == "MONEY" or o.lower_ in money for o in noun.subtree if o.i > noun.i):
        return Trigger(E.AID, "economic")  # "the release of $1.1 billion"
    if lower in ("call", "calls") and _asks(noun):
        return Trigger(E.REQUEST)  # "France's call for a ceasefire", "a call on Russia to withdraw" ask
    if noun.lemma_.lower() in DRILL_NOUNS and _drills_around(noun):
        return Trigger(E.MOBILIZE, "military")  # "drills around Taiwan": a show of force, not a joint exercise
    return CORE_NOUNS.get(lower) or CORE_NOUNS.get(noun.lemma_.lower()) or CORE_NOUNS.get(_hyphenated(noun))


DRILL_NOUNS = {"drill", "exercise", "manoeuvre", "maneuver", "war-game", "wargame"}
SURROUNDING = {"around", "near", "off", "encircle", "surround", "circle"}
MUTUAL_FIGHTING = {"hostility", "hostilities", "fighting", "clash", "war"}  # what both sides of it can stop
PLACING_VERBS = {"place", "put", "keep"}  # "placed under sanctions", "kept under house arrest"


def _drills_around(noun: Token) -> bool:
    """Drills held around, near or off a place, or encircling it: "drills encircling Taiwan"."""
    holder = noun.head if noun.dep_ in ("dobj", "pobj") else noun
    holder = holder.head if holder.dep_ == "prep" else holder  # "encircled Taiwan in drills"
    words = [*noun.children, *(holder.children if holder.i != noun.i else ()), holder]
    if any(w.lower_ in ("joint", "combined", "with") for w in words):
        return False  # "joint manoeuvres off Crete", "drills with Australia": partners exercising
    return any(w.lower_ in SURROUNDING or (w.pos_ == "VERB" and w.lemma_.lower() in SURROUNDING) for w in words)


def _hyphenated(noun: Token) -> str:
    """ "a sit-in", "the build-up": the parser splits a hyphenated noun and hangs its first part on the last."""
    doc = noun.doc
    if noun.i < 2 or doc[noun.i - 1].text != "-" or doc[noun.i - 2].head.i != noun.i:
        return noun.lower_
    return f"{doc[noun.i - 2].lower_}-{noun.lower_}"


def _asks(noun: Token) -> bool:
    """ "a call for talks", "a call to end the war", "its call on Russia to withdraw": not a phone call.

    The infinitive may hang on the noun or, right after it, on the verb that
    governs it; a call to talk ("a call on Monday to discuss Ukraine") is a call.
    """
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in noun.children):
        return True
    after = [w for w in noun.head.children if w.dep_ in ("advcl", "xcomp") and w.left_edge.i == noun.right_edge.i + 1]
    wanted = [w for w in (*noun.subtree, *after) if w.pos_ == "VERB" and w.i > noun.i and _infinitive(w)]
    if noun.lower_ == "calls" and wanted:
        return True  # "rejected calls from Britain to resume talks": phone calls are not had to do something
    wanted = [w for w in wanted if (own := verb_trigger(w)) is None or own.event is not E.CONSULT]
    on = [o for c in noun.children if c.lower_ in ("on", "upon") for o in c.children if o.dep_ == "pobj"]
    addressed = any(o.ent_type_ not in ("DATE", "TIME") for o in on)
    return bool(wanted) and (addressed or any(w.head.i == noun.i for w in wanted))


def _infinitive(verb: Token) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


# Where "let" lets people go: "let inspectors back into", "let migrants cross".
LET_PASSAGES = {"in", "into", "back", "through"}
LET_MOVES = {"cross", "enter", "leave", "return", "pass", "travel", "go", "visit", "land", "dock"}


def _let_through(verb: Token) -> bool:
    """ "let IAEA inspectors back into the site", "let wounded Palestinians cross": letting people pass concedes."""
    passage = any(w.dep_ in ("prep", "prt", "advmod", "ccomp") and w.lower_ in LET_PASSAGES for w in verb.subtree)
    moves = any(c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() in LET_MOVES for c in verb.children)
    return passage or moves


def _arms_to_a_state(verb: Token) -> bool:
    """Arms a state hands a named state ("Sweden ... to Ukraine('s air force)") are aid; fighters handing over
    theirs, to monitors or to an army, disarm."""
    armed = any(_singular(c) in ARMS for c in verb.children if c.dep_ == "dobj")
    givers = [c for c in verb.children if c.dep_ == "nsubj"]
    by_a_state = any(g.ent_type_ == "GPE" for g in givers)
    receivers = [w for p in verb.children if p.lower_ == "to" for o in p.children for w in (o, *o.children)]
    to_a_state = any(w.ent_type_ == "GPE" and (w.head.lower_ == "to" or w.dep_ == "poss") for w in receivers)
    return armed and by_a_state and to_a_state


def _singular(token: Token) -> str:
    lemma = token.lemma_.lower()
    return lemma[:-1] if lemma.endswith("s") and lemma not in ("talks", "arms") else lemma


def declared_unwelcome(verb: Token) -> bool:
    """ "declared the envoy persona non grata": an expulsion, though "declare" usually reports speech."""
    return verb.lemma_.lower() == "declare" and any(w.lower_ == "grata" for w in verb.subtree)


def speech_event(verb: Token) -> bool:
    """A verb that usually reports speech but here is an event: declaring persona non grata, telling to act."""
    return declared_unwelcome(verb) or tells_to_act(verb)


def tells_to_act(verb: Token) -> bool:
    """ "told Moscow to stop", "told the envoy to leave": an order to someone is a demand made of them."""
    told = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    return verb.lemma_.lower() == "tell" and told and any(c.dep_ == "xcomp" and _infinitive(c) for c in verb.children)


def makes_pay(verb: Token) -> bool:
    """ "make X pay a heavy price (for ...)": a vow of harm."""
    paying = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() == "pay"]
    priced = any(o.dep_ == "dobj" and o.lemma_.lower() == "price" for c in paying for o in c.children)
    return verb.lemma_.lower() == "make" and (priced or any(not list(c.children) for c in paying))


def _names_an_igo(noun: Token) -> bool:
    """ "ECOWAS", "the African Union": a noun phrase naming an intergovernmental organisation."""
    name = " ".join(t.text for t in noun.subtree if t.i <= noun.i and t.dep_ != "det")
    # the whole phrase ("the Economic Community of West African States") and any acronym after it
    full = " ".join(t.text for t in noun.subtree if t.dep_ not in ("det", "punct", "appos"))
    named = (c.text for c in noun.children if c.dep_ == "appos")  # "the Economic Community ... (ECOWAS)"
    return any(names_an_igo(text) for text in (name, noun.text, full, *named))
