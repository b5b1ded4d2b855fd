"""A speaker's verdict on someone else's act: a judgement of the act is an event toward whoever did it.

"The French foreign ministry said Israel's strike on Doha was unacceptable" is
France's charge against Israel, as "condemned Israel's strike" would be;
"called the deal a positive step" backs the deal's makers. The act is a noun
whose doer the noun names ("Israel's strike", "the raid by Turkish jets"); the
verdict is the predicate said of it, or what it is called ("called the raid a
crime", "described the move as a provocation"). Verdicts name no names here:
only the words of judgement are listed.
"""

from spacy.tokens import Token

from consumers.nlp.events.assertion import negated
from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.events.lexicon import Trigger
from consumers.nlp.events.nominals import between_parties
from consumers.nlp.events.pairing import paired_events
from consumers.nlp.events.targets import Targets
from consumers.nlp.events.triggers import noun_trigger
from schemas import EventType, TextField

# Words that condemn an act: predicates ("was unacceptable") or what it is called ("a violation").
CONDEMNING = {
    "unacceptable", "illegal", "unlawful", "unjustified", "unjustifiable", "outrageous", "irresponsible",
    "reckless", "provocative", "provocation", "violation", "breach", "crime", "aggression", "deplorable",
    "shameful", "barbaric", "heinous", "inexcusable", "illegitimate", "sham", "farce", "blatant", "flagrant",
    "criminal", "atrocity", "massacre", "terrorism", "piracy", "escalation", "affront", "insult",
}  # fmt: skip
# What a party itself is called: "called Netanyahu a criminal", "branded the junta a puppet of Moscow".
REVILING = {
    "criminal", "dictator", "terrorist", "murderer", "liar", "butcher", "thug", "tyrant", "puppet", "enemy",
    "aggressor", "fascist", "nazi", "traitor", "warmonger", "killer", "gangster", "menace", "pariah", "regime",
}  # fmt: skip
PRAISED = {"friend", "partner", "ally", "hero", "brother"}
PRAISING = {"welcome", "positive", "constructive", "courageous", "encouraging", "breakthrough", "commendable"}
SAYING_VERBS = {"say", "state", "add", "insist", "stress", "declare", "tell", "warn", "argue", "write", "tweet"}
NAMING_VERBS = {"call", "describe", "brand", "label", "term", "deem", "consider", "characterise", "characterize"}


def verdict_events(parties: Targets, verb: Token, field: TextField) -> list[CodedEvent]:
    """The speaker's ACCUSE (or SUPPORT) toward the doer of an act the speaker judges at ``verb``."""
    events: list[CodedEvent] = []
    for act, event in judged_acts(verb):
        speakers = parties.subjects(verb)[0]
        if not _an_act(act):  # "called Netanyahu a criminal": the party named is the one judged
            doers = parties.reader.actors(act)
        else:
            doers = parties.noun_agents(act, via_support=False) or between_parties(parties.reader, act) or []
        doers = [d for d in doers if not any(d.same_party(s) for s in speakers)]
        events += paired_events(speakers, doers, Trigger(event), verb, 0.7, field, mutual=False)
    return events


def judged_acts(verb: Token) -> list[tuple[Token, EventType]]:
    """The act nouns (or, named so, parties) ``verb`` passes a verdict on, each with the event it makes."""
    lemma = verb.lemma_.lower()
    judged: list[tuple[Token, Token]] = []  # (act, verdict)
    if lemma in SAYING_VERBS:
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be" and not negated(c)):
            acts = [c for c in clause.children if c.dep_ == "nsubj"]
            said = [c for c in clause.children if c.dep_ in ("acomp", "attr")]
            judged += [(act, word) for act in acts for word in said]
    elif lemma in NAMING_VERBS and not negated(verb):
        named = [c for c in verb.children if c.dep_ in ("oprd", "attr", "ccomp", "xcomp")]
        for act in (c for c in verb.children if c.dep_ == "dobj"):  # "described the seizure as a violation"
            named_as = [o for p in (*verb.children, *act.children) if p.lower_ == "as" for o in p.children]
            judged += [(act, word) for word in named + named_as]
            # "called Zelensky a dictator", and the parser's "called [Israel's strike [a crime]]"
            judged += [(act, word) for word in act.children if word.dep_ in ("appos", "dobj")]
    verdicts = [(act, _verdict(word) if _an_act(act) else _epithet(word)) for act, word in judged]
    return [(act, event) for act, event in verdicts if event is not None]


def _epithet(word: Token) -> EventType | None:
    """ACCUSE for what reviles a party ("a genocidal criminal"), SUPPORT for praise ("a true friend")."""
    lemma = word.lemma_.lower()
    return EventType.ACCUSE if lemma in REVILING else EventType.SUPPORT if lemma in PRAISED else None


def _an_act(noun: Token) -> bool:
    """An event noun, or a deed its doer's possessive names ("Ethiopia's filling of the dam", "Berlin's plan")."""
    return noun_trigger(noun) is not None or (noun.pos_ == "NOUN" and any(c.dep_ == "poss" for c in noun.children))


def _verdict(word: Token) -> EventType | None:
    """ACCUSE for a condemning verdict, SUPPORT for praise, None for any other word."""
    words = {word.lemma_.lower(), word.lower_, *(c.lower_ for c in word.children if c.dep_ in ("amod", "compound"))}
    phrase = " ".join(t.lower_ for t in word.subtree)
    if words & CONDEMNING or "act of war" in phrase or "act of aggression" in phrase:
        return EventType.ACCUSE
    return EventType.SUPPORT if words & PRAISING else None
