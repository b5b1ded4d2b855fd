"""Whom a charge or demand named as a noun is aimed at: "calls for Iran to free X", "dismissed accusations by Guyana".

A charge told with its content ("accusations by Britain that Russian
intelligence had poisoned a spy") is aimed at whoever the content says did it.

The addressee comes after to/against/on ("an appeal to Myanmar's generals"),
or is the one asked to act ("a demand by Denmark for Russia to return the
ship"). With no one named, it is aimed at whoever answers it: the one who
rejects, denies, dismisses, accepts or heeds an accusation or a demand is
the one it was made against ("Venezuela dismissed accusations by Guyana" is
Guyana accusing Venezuela); one who joins, echoes or backs a call is not. A
refusal "despite appeals from X" answers X. A hostile reaction that an act
prompted, or that is done in retaliation for an act, answers whoever did the
act ("imposed tariffs, prompting New Delhi to protest" is India protesting to
the United States; "imposed export controls in retaliation for US chip
restrictions" is China acting against the United States). A protest or
measure naming no one "after" another's act answers that act's doer. A
refusal or acceptance naming no one ("Buenos Aires refused") answers the
last request or offer made to its doer, and a concession "after (under)
pressure from X" answers X.
"""

from spacy.tokens import Token

from consumers.nlp.events.actors import ActorReader
from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.lexicon import BLOCKERS, Trigger
from consumers.nlp.events.parties import Parties
from consumers.nlp.events.rules import UNASSERTING, governing_verb, preposition_objects, unique
from consumers.nlp.events.triggers import noun_trigger, verb_trigger
from schemas import EventType, stance_of

ADDRESS_PREPS = ("to", "against", "on", "upon")
# Replies that need no one named: "Argentina refused", "Caracas accepted", "Kigali sent troops".
REPLIES = {EventType.REJECT, EventType.AGREE, EventType.CONCEDE, EventType.AID}
# What a request for help asks for: "asked Rwanda for help", "asked the CSTO to send troops".
HELP_WORDS = {"help", "assistance", "aid", "support", "reinforcements", "send", "dispatch", "deploy"}
OFFERING_VERBS = {"offer", "propose", "invite"}
GIVING_WAY = {EventType.CONCEDE, EventType.RETREAT, EventType.AGREE}  # an agreement under pressure concedes
PRESSURE_OCCASIONS = {"after", "under", "following", "amid"}
# Verbs whose subject answers what they govern, beside those the lexicon codes as refusals or concessions.
ANSWERING_VERBS = {"deny", "dismiss", "rebuff", "reject", "brush", "heed", "accept", "ignore", "defy", "answer"}
# Verbs whose subject takes up another's call as its own: "echoed", "joined", "renewed calls".
JOINING_VERBS = {"echo", "join", "repeat", "renew", "reiterate", "second", "amplify", "support", "back", "endorse"}


def addressees(reader: ActorReader, noun: Token) -> list[Actor]:
    """The parties a demand is addressed to: "an appeal to X", "calls on X", "a call for X to withdraw"."""
    found = [
        a
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in ADDRESS_PREPS
        for o in p.children
        if o.dep_ == "pobj"
        for a in reader.actors(o)
    ]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "for":  # "for Russia to return the ship"
            found += [a for o in child.children if o.dep_ == "pobj" and _asked_to_act(o) for a in reader.actors(o)]
        marked = any(m.dep_ == "mark" and m.lower_ == "for" for m in child.children)
        if child.dep_ in ("advcl", "acl", "relcl") and marked:  # "for Iran to release ...", parsed as a clause
            found += [a for s in child.children if s.dep_ == "nsubj" for a in reader.actors(s)]
    return unique(found)


def _asked_to_act(word: Token) -> bool:
    """Whether a to-infinitive starts right after ``word``'s phrase: "for Russia | to return the ship"."""
    following = word.doc[word.right_edge.i + 1] if word.right_edge.i + 1 < len(word.doc) else None
    return following is not None and following.lower_ == "to" and following.dep_ == "aux"


def answered_by_governor(noun: Token, trigger: Trigger, governor: Token, *, addressed: bool) -> bool:
    """Whether the subject of ``governor`` is the one ``noun``, a charge or demand, is aimed at.

    An addressed demand ("yielded to IMF demands", "rejected Poland's demand")
    is aimed at whoever takes it, unless they take a demand up as their own; any
    charge or demand is aimed at the one who rejects, denies or heeds it.
    """
    reply = verb_trigger(governor)
    if addressed:  # "welcomed an offer from Turkey": an offer is made to whoever welcomes it, a demand is not
        joined = governor.lemma_.lower() in JOINING_VERBS or (reply is not None and reply.event is EventType.SUPPORT)
        return not joined or stance_of(trigger.event) == "cooperative"
    if trigger.event not in UNASSERTING or noun.dep_ not in ("dobj", "nsubjpass") or noun.head.i != governor.i:
        return False
    replying = reply is not None and reply.event in (EventType.REJECT, EventType.CONCEDE)
    return replying or governor.lemma_.lower() in ANSWERING_VERBS


def defied(parties: Parties, verb: Token, event: EventType) -> list[Actor]:
    """Who a refusal answers when it names no one: "refused to free him despite appeals from ECOWAS"."""
    if event is not EventType.REJECT:
        return []
    clauses = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]  # "refused to free X despite ..."
    pleas = [o for c in clauses for p in c.children if p.lower_ == "despite" for o in p.children if o.dep_ == "pobj"]
    asked = [p for p in pleas if (kind := noun_trigger(p)) is not None and kind.event is EventType.REQUEST]
    return unique([a for p in asked for a in parties.noun_agents(p, via_support=False)])


# Verbs by which one act moves another party to react: "..., prompting X to protest".
CAUSING_VERBS = {"prompt", "force", "lead", "push", "spur", "provoke", "drive", "compel", "trigger"}


def prompted_by(parties: Parties, verb: Token, sources: list[Actor], event: EventType) -> list[Actor]:
    """Whom a hostile reaction naming no one answers: the doers of the act that prompted it, or it retaliates for.

    "Israel struck Iranian air defences, prompting Tehran to retaliate": Iran
    retaliates against Israel. A cooperative act prompted ("prompting Qatar to
    offer talks") may be done for anyone, so it is left alone.
    """
    if stance_of(event) != "hostile":
        return []
    cause = verb.head if verb.dep_ == "xcomp" else None
    act = cause.head if cause is not None and cause.dep_ in ("advcl", "conj") else None
    if cause is None or cause.lemma_.lower() not in CAUSING_VERBS or act is None or act.pos_ not in ("VERB", "AUX"):
        doers = retaliated_against(parties, verb, event) or _answered_occasion(parties, verb, event)
    else:
        doers = parties.subjects(act)[0]
    return [doer for doer in doers if not any(doer.same_party(s) for s in sources)]


# Reactions in words or measures, aimed at whoever did what they follow ("protested after Japan's minister visited").
WORDED_REACTIONS = {EventType.ACCUSE, EventType.PROTEST, EventType.REJECT, EventType.THREATEN, EventType.SANCTION}


def _answered_occasion(parties: Parties, verb: Token, event: EventType) -> list[Actor]:
    """ "Beijing lodged a protest after Japan's defence minister visited Taiwan": the doer of the act it follows."""
    if event not in WORDED_REACTIONS:
        return []
    clauses = [c for c in verb.children if c.dep_ == "advcl"]
    after = [c for c in clauses if any(m.dep_ == "mark" and m.lower_ in ("after", "when") for m in c.children)]
    doers = [a for clause in after for a in parties.subjects(clause)[0]]
    # "following Pakistani air strikes, Kabul threatened to retaliate": the doers of the act named
    occasions = [c for c in verb.children if c.dep_ in ("prep", "advcl") and c.lower_ in ("after", "following")]
    acts = [o for c in occasions for o in c.children if o.dep_ in ("pobj", "dobj")]
    for act in acts:
        kind = noun_trigger(act)
        if kind is not None and stance_of(kind.event) == "hostile":
            doers += parties.noun_agents(act, via_support=False)
    return unique(doers)


# "in retaliation for", "in response to", "as a reprisal for": what follows is the act answered.
RETALIATION_NOUNS = {"retaliation", "response", "revenge", "reprisal", "riposte"}


def retaliated_against(parties: Parties, head: Token, event: EventType) -> list[Actor]:
    """Whom a hostile act "in retaliation for" another answers: that act's doers, or a party named there.

    "imposed export controls in retaliation for US chip restrictions": against the United States; the
    phrase may hang on the act's verb or on the verb a noun of the act is the object of ("imposed controls").
    """
    if stance_of(event) != "hostile":
        return []
    governor = governing_verb(head) if head.pos_ in ("NOUN", "PROPN") else None
    found: list[Actor] = []
    for word in (head, *([governor] if governor is not None else [])):
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in ("in", "as")):
            for noun in (o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in RETALIATION_NOUNS):
                for act in preposition_objects(noun, ("for", "to", "against")):
                    kind = noun_trigger(act)  # answering a hostile act; "in response to a request" complies
                    if kind is None:
                        found += parties.reader.actors(act)  # "in retaliation against Israel"
                    elif stance_of(kind.event) == "hostile" and kind.event is not EventType.REQUEST:
                        found += parties.noun_agents(act, via_support=False)
    return unique(found)


def answered_charge(noun: Token, trigger: Trigger) -> bool:
    """ "dismissed a Moroccan call": a demand or charge answered was made (an offer turned down, not)."""
    hostile = stance_of(trigger.event) == "hostile"
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else noun.head  # "dismissed as absurd"
    answered = noun.dep_ == "dobj" or verb is not noun.head
    return answered and verb.lemma_.lower() in BLOCKERS and trigger.event in UNASSERTING and hostile


def turned_down(noun: Token) -> bool:
    """Whether the verb a noun is the object of rejects it ("rejected an offer", "vetoed the proposal")."""
    refusal = verb_trigger(noun.head)
    return refusal is not None and refusal.event is EventType.REJECT


def answered_in_kind(
    parties: Parties, coded: list[CodedEvent], verb: Token, sources: list[Actor], trigger: Trigger
) -> tuple[list[Actor], Trigger]:
    """Whom an act naming no one answers, and as what.

    A reply answers the last request or offer made to its doer ("Buenos
    Aires refused"); forces sent after a call for help are military aid to
    the caller ("Kigali sent troops"); giving way "after pressure from X"
    answers X, an agreement so given being a concession.
    """
    if askers := _askers(parties.reader, coded, verb, sources, trigger.event):
        return askers, trigger
    if trigger.event is EventType.MOBILIZE and (callers := _askers(parties.reader, coded, verb, sources, None)):
        return callers, Trigger(EventType.AID, "military")
    if pressing := pressed_by(parties, verb, sources, trigger.event):
        return pressing, Trigger(EventType.CONCEDE) if trigger.event is EventType.AGREE else trigger
    if trigger.event is EventType.REQUEST:
        return _captors(parties.reader, coded, verb, sources), trigger
    return [], trigger


# What a demand for captives asks of those holding them: "demanded their release", "called for their return".
FREEING_NOUNS = {"release", "freedom", "return", "repatriation", "freeing"}
CAPTURING_EVENTS = {EventType.COERCE, EventType.ASSAULT}


def _captors(reader: ActorReader, coded: list[CodedEvent], verb: Token, sources: list[Actor]) -> list[Actor]:
    """ "Sri Lankan sailors arrested 22 Indian fishermen. New Delhi demanded their release": of Sri Lanka.

    Captives named ("the release of the engineers") must be the ones taken;
    "their" stands for whoever was taken last.
    """
    wanted = [o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in FREEING_NOUNS]
    wanted += [o for p in verb.children if p.lower_ == "for" for o in p.children if o.lemma_.lower() in FREEING_NOUNS]
    owners = [
        w
        for noun in wanted
        for w in (*(c for c in noun.children if c.dep_ == "poss"), *preposition_objects(noun, ("of",)))
    ]
    if not wanted or not owners:
        return []
    held = [a for w in owners if w.pos_ != "PRON" for a in reader.actors(w)]
    start = reader.previous_sentence_start(verb)
    taken = [e for e in coded if start <= e.trigger.i < verb.i and e.event in CAPTURING_EVENTS]
    taken = [e for e in taken if not any(e.source.same_party(s) for s in sources)]
    if held:
        taken = [e for e in taken if any(e.target.same_party(h) and e.target.sector == h.sector for h in held)]
    return unique([e.source for e in taken if e.trigger.i == taken[-1].trigger.i]) if taken else []


def _askers(
    reader: ActorReader, coded: list[CodedEvent], verb: Token, sources: list[Actor], event: EventType | None
) -> list[Actor]:
    """Who last asked ``sources`` (or offered them, with an offering verb) in this or the previous sentence.

    ``event`` is the reply's; ``None`` asks for a request for help only
    ("asked Rwanda for help", "asked the CSTO to send troops").
    """
    if event is not None and event not in REPLIES:
        return []
    start = reader.previous_sentence_start(verb)
    asked = [e for e in coded if start <= e.trigger.i < verb.i and any(e.target.same_party(s) for s in sources)]
    asked = [e for e in asked if e.event is EventType.REQUEST or e.trigger.lemma_.lower() in OFFERING_VERBS]
    if event is None:
        asked = [e for e in asked if any(w.lemma_.lower() in HELP_WORDS for w in e.trigger.subtree)]
    if not asked:
        return []
    askers = unique([e.source for e in asked if e.trigger.i == asked[-1].trigger.i])
    # "rejected calls from Washington ... He vowed to keep fighting": a request answered once is not answered again
    answered = [e for e in coded if e.event in REPLIES and start <= e.trigger.i < verb.i]
    answered = [e for e in answered if any(e.source.same_party(s) for s in sources)]
    return [a for a in askers if not any(e.target.same_party(a) for e in answered)]


def pressed_by(parties: Parties, verb: Token, sources: list[Actor], event: EventType) -> list[Actor]:
    """ "eased restrictions after weeks of pressure from ASEAN": giving way answers whoever pressed for it."""
    if event not in GIVING_WAY:
        return []
    occasions = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in PRESSURE_OCCASIONS for o in p.children]
    spans = [w for o in occasions for p in (o, *o.children) if p is o or p.lower_ == "of" for w in p.children]
    for noun in (w for w in [*occasions, *spans] if w.lemma_.lower() == "pressure"):
        makers = [o for p in noun.children if p.lower_ in ("from", "by") for o in p.children if o.dep_ == "pobj"]
        pressing = [a for o in makers for a in parties.reader.actors(o) if not any(a.same_party(s) for s in sources)]
        if pressing:
            return pressing
    return []


def charged_in_clause(reader: ActorReader, noun: Token) -> list[Actor]:
    """ "accusations by Britain that Russian intelligence had poisoned a spy": the one the charge says acted.

    Only a noun that is itself a charge counts; a report or claim denied is
    a charge against the denier alone.
    """
    charge = noun_trigger(noun)
    if charge is None or charge.event is not EventType.ACCUSE:
        return []
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")]
    clauses = [c for c in clauses if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return unique([a for c in clauses for s in c.children if s.dep_ == "nsubj" for a in reader.actors(s)])
