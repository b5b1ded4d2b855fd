"""What a conditional sentence asserts: the consequent's threat toward whoever the condition names, nothing else.

"Ankara will respond if Greek ships enter the disputed waters" codes Turkey
THREATEN Greece: a harm promised on a condition is a threat to the party
whose act would set it off. What the "if" clause says ("enter the disputed
waters") is supposed, not done, and is not coded; nor is an
act under a hedging head ("is unlikely to lift", "is expected to sign").
Speaking to the press is no event toward the press: the reporter or outlet
is never a party (the README's reported-speech rule).
"""

from spacy.tokens import Token

from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.lexicon import SPEECH_VERBS, Trigger
from consumers.nlp.events.pairing import paired_events
from consumers.nlp.events.parties import Parties
from consumers.nlp.events.rules import SUBJECT_DEPS, unique
from consumers.nlp.events.triggers import noun_trigger, verb_trigger
from schemas import EventType, TextField, stance_of

CONDITION_MARKS = {"if", "unless"}
FUTURE_AUX = {"will", "would", "'ll", "shall", "wo"}
# Verbs whose future on a condition is a threat whatever their object: "will retaliate if", "would respond if".
RESPONDING_VERBS = {"respond", "retaliate", "react", "act", "answer", "punish", "hit", "strike", "reply"}
# Objects that make a support verb's future a use of force: "will launch an operation", "would take measures".
FORCE_OBJECTS = {
    "operation", "action", "measure", "countermeasure", "force", "step", "response", "retaliation", "reprisal",
}  # fmt: skip
# Heads that say an act is expected or doubted, not done: "is unlikely to lift", "is expected to attend".
HEDGING_HEADS = {"unlikely", "likely", "expect", "poised", "doubtful"}
PRESS_NOUNS = {
    "newspaper", "broadcaster", "television", "radio", "outlet", "magazine", "reporter", "journalist",
    "correspondent", "website", "tabloid", "weekly",
}  # fmt: skip
# Nouns that are the press only as "news agency", "news channel": "the UN nuclear agency" is no outlet.
PRESS_COMPOUNDS = {"agency", "channel", "paper", "daily", "journal"}
SPEAKING_VERBS = {"speak", "talk", "tell", "brief", "address", "say"}


def conditioned(word: Token) -> bool:
    """Whether the word lies inside an "if"/"unless" clause ("if Kurdish fighters do not withdraw")."""
    return any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for head in (word, *word.ancestors) for c in head.children
    )


def hedged(word: Token) -> bool:
    """ "Japan is unlikely to lift", "the minister is expected to sign", "may seek to mediate": not asserted."""
    child = word
    for head in word.ancestors:
        if child.dep_ != "xcomp":
            return False
        if head.lemma_.lower() in HEDGING_HEADS or any(
            c.dep_ == "aux" and c.lower_ in ("may", "might") for c in head.children
        ):
            return True
        child = head
    return False


def supposed(noun: Token) -> bool:
    """ "a Chinese blockade would be costly", "a summit is unlikely to take place": talked of, not done."""
    head = noun.head
    if noun.dep_ != "nsubj":
        return False
    modal = any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may") for c in head.children)
    hedge = [head, *(c for c in head.children if c.dep_ in ("acomp", "xcomp"))]
    return modal or any(w.lemma_.lower() in HEDGING_HEADS for w in hedge)


def _threatening(verb: Token) -> bool:
    """Whether the consequent promises harm: a hostile act, a response, or force ("launch an operation")."""
    if verb.lemma_.lower() in RESPONDING_VERBS:
        return True
    trigger = verb_trigger(verb)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    named = [noun_trigger(o) for o in objects]
    if any(n is not None and stance_of(n.event) == "hostile" for n in named):
        return True
    if any(o.lemma_.lower() in FORCE_OBJECTS for o in objects):
        return True
    return trigger is not None and not trigger.light and stance_of(trigger.event) == "hostile"


def conditional_threats(parties: Parties, verb: Token, field: TextField) -> list[CodedEvent]:
    """ "X will retaliate if Y attacks": X THREATEN Y, Y being the subject (or agent) of the condition.

    Only a future or conditional consequent ("will", "would") that promises harm counts; a negated one
    ("will not attack if ...") promises restraint and gives nothing here.
    """
    if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return []
    conditions = [
        c for c in verb.children if c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children)
    ]
    if not conditions or any(c.dep_ == "neg" for c in verb.children) or not _threatening(verb):
        return []
    sources = parties.subjects(verb)[0]
    doers = [c for clause in conditions for c in clause.children if c.dep_ in SUBJECT_DEPS]
    doers += [o for clause in conditions for a in clause.children if a.dep_ == "agent" for o in a.children]
    threatened = [a for d in doers for a in parties.reader.actors(d)]
    targets = [t for t in unique(threatened) if not any(t.same_party(s) for s in sources)]
    return paired_events(sources, targets, Trigger(EventType.THREATEN), verb, 0.75, field, mutual=False)


def to_the_press(parties: Parties, verb: Token, trigger: Trigger, targets: list[Actor]) -> list[Actor]:
    """Targets less the press: the reporters a speaker talks to ("spoke to reporters", "told state media"),
    and the outlet that reports the sentence ("..., the Dawn newspaper reported")."""
    if trigger.event is EventType.CONSULT and verb.lemma_.lower() in SPEAKING_VERBS:
        targets = [t for t in targets if t.sector != "media"]
    speakers = [
        s for w in verb.sent if w.i != verb.i and w.lemma_.lower() in SPEECH_VERBS for s in w.children
        if s.dep_ in SUBJECT_DEPS
    ]  # fmt: skip
    press = [a for s in speakers for a in parties.reader.actors(s) if a.sector == "media" or _is_press(s)]
    return [t for t in targets if (t.id, t.sector) not in {(p.id, p.sector) for p in press}]  # Cuba, not its press


def _is_press(noun: Token) -> bool:
    """ "the Dawn newspaper", "state television", "a Reuters correspondent", "the state news agency"."""
    lemma = noun.lemma_.lower()
    news = any(c.dep_ in ("compound", "amod") and c.lower_ == "news" for c in noun.children)
    return lemma in PRESS_NOUNS or (lemma in PRESS_COMPOUNDS and news)
