"""Whether a trigger reports something done: not negated, denied, hypothetical, merely wanted or claimed.

Only asserted events are coded. "did not attack", "denied attacking",
"could strike", "urged X to withdraw", "alleged that Y attacked" give no
event; a stated intent becomes a promise (AGREE) or a threat (THREATEN).
"""

from itertools import islice

from spacy.tokens import Token

from consumers.nlp.events.conditions import conditioned, hedged
from consumers.nlp.events.gaps import gap_objects
from consumers.nlp.events.lexicon import BLOCKERS, HYPOTHETICAL, Trigger
from consumers.nlp.events.rules import (
    ALLEGING_VERBS,
    HEARSAY_NOUNS,
    INTENT_HEADS,
    NEEDING,
    SUBJECT_DEPS,
    UNASSERTING,
    WANTED_NOUNS,
    WANTING,
    is_alleged,
    judges,
)
from consumers.nlp.events.triggers import noun_trigger, verb_trigger
from schemas import EventType, stance_of

# Prepositions that set a verb's occasion, never its content: what follows them happened.
CIRCUMSTANCES = {"during", "after", "amid", "following", "despite", "since", "at"}


# Purposes that are done as told: "rallied to protest the law", "fired tear gas to disperse the crowd".
DONE_PURPOSES = {"protest", "demonstrate", "rally", "march", "disperse"}

# Verbs that carry on the act they govern: "keep fighting", "continue striking".
ONGOING = {"keep", "continue", "go"}

# Acts that, promised, threaten: force, coercion, penalties ("vowed to impose sanctions").
PROMISED_HARM = {EventType.ASSAULT, EventType.THREATEN, EventType.COERCE, EventType.SANCTION, EventType.MOBILIZE}


def intended(verb: Token, trigger: Trigger) -> Trigger:
    """A stated intent is a promise or a threat: "would send troops", "is ready to deepen cooperation"."""
    # "Niger and Chad agreed to deploy a joint force": a deployment agreed between them threatens no one
    jointly = verb.lemma_.lower() == "agree" and any(c.dep_ == "nsubj" and c.conjuncts for c in verb.children)
    if trigger.event is EventType.AGREE:  # "vowed to crush the group": a promised harm threatens
        acts = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        # "vowed to keep fighting": the act kept up
        acts += [g for c in acts if c.lemma_.lower() in ONGOING for g in c.children if g.dep_ == "xcomp"]
        promised = [verb_trigger(c) for c in acts]  # "vowed to step up its attacks": the support verb's noun
        promised += [noun_trigger(o) for c in acts for o in c.children if o.dep_ == "dobj"]
        harms = [p for p in promised if p is not None and p.event in PROMISED_HARM]
        if harms and not (jointly and all(p.event is EventType.MOBILIZE for p in harms)):  # "vowed to punish"
            return Trigger(EventType.THREATEN)
    if trigger.event in UNASSERTING:
        return trigger
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in verb.children)
    ready = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_HEADS
    ready = ready or (verb.head.pos_ == "ADJ" and verb.head.lemma_.lower() in INTENT_HEADS)
    if not (future or ready):
        return trigger
    promise = EventType.AGREE if stance_of(trigger.event) == "cooperative" else EventType.THREATEN
    return Trigger(promise, one_sided=trigger.one_sided)  # "will hold elections" stays one-sided


def asserted(word: Token) -> bool:
    """False for what a request, promise, threat or refusal is about ("urged X to withdraw").

    An object of a demand, promise or threat is wanted, not done ("called
    for a ceasefire", "threatened strikes"); a clause under a refusal is
    not done either ("refused to meet"). What is condemned or rejected was
    done ("condemned Russia's attacks", "rejected Hamas's demands"). What
    someone is accused or denied of, and every act named inside it, is
    claimed: the writer does not report it done.
    """
    if word.dep_ == "dobj" and judges(word.head):
        return True  # "rallied to denounce Turkish strikes on Iraq": what is denounced was done
    purpose = word.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in word.children)
    if purpose and word.lemma_.lower() not in DONE_PURPOSES:
        return False  # a purpose ("sent troops to fight insurgents"), not an act
    child, head = word, word.head
    for _ in range(5):
        if head.i == child.i:
            return True
        if child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child.lemma_.lower() in DONE_PURPOSES
        if child.dep_ == "xcomp" and head.lemma_.lower() in NEEDING:
            return False  # "needed to be able to hit sites": a want, not an act
        if child.dep_ == "ccomp" and head.lemma_.lower() in ALLEGING_VERBS | {"claim"}:
            return False  # "alleged that the West was trying to defeat Russia": a claim, not an act
        if is_alleged(child):
            return False  # "accused Washington of prolonging the war": the war is in the charge, not reported
        if child.dep_ in ("acl", "ccomp", "relcl") and head.pos_ == "NOUN" and head.lemma_.lower() in HEARSAY_NOUNS:
            return False  # "reports that its troops killed civilians"
        if child.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in WANTED_NOUNS:
            return False  # "Sweden's bid to join NATO": sought, not done
        trigger = verb_trigger(head) if head.pos_ in ("VERB", "AUX") else noun_trigger(head)
        if child.i == word.i and child.dep_ in ("nsubj", "csubj") and head.pos_ in ("VERB", "AUX"):
            return True  # "Israel's threat to strike Iran pushed prices up": the subject is no one's content
        if child.dep_ == "prep" and child.lower_ in CIRCUMSTANCES:
            return True  # "promised aid during a visit by X": the visit is when it was said, not what was promised
        if child.dep_ == "ccomp" and child.i < head.i and ";" in (t.text for t in word.doc[child.i : head.i]):
            return True  # "X met Y; the two agreed to ...": a clause of its own before the semicolon, not the content
        if child.dep_ == "conj" and head.dep_ == "xcomp" and head.pos_ == "VERB":
            child, head = head, head.head  # "threatened to close the pipeline and cut power": both are threatened
            continue
        if child.dep_ in ("conj", "advcl", "parataxis") or gap_objects(child):
            return True  # a second act beside the first ("urged X ... and asked Y"), or one done to a noun
        if trigger is not None:
            clause = child.dep_ in ("xcomp", "ccomp")
            if trigger.event in WANTING or (clause and trigger.event is EventType.REJECT):
                return False
            if clause and head.lemma_.lower() == "order":
                return False  # "ordered a broadcaster to shut its bureau": what was ordered, not done
        if head.pos_ in ("VERB", "AUX") and child.dep_ not in ("xcomp", "ccomp", "dobj", "pobj", "prep"):
            return True
        child, head = head, head.head
    return True


def negated(word: Token) -> bool:
    """A "not" on the word or its head."""
    return any(c.dep_ == "neg" for c in (*word.children, *word.head.children))


def cancelled(word: Token) -> bool:
    """Negated ("did not attack"), denied ("denied attacking") or hypothetical ("could strike")."""
    for subject in (c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")):
        if any(d.lower_ in ("neither", "no", "none") for d in subject.doc[subject.left_edge.i : subject.i + 1]):
            return True  # "Neither Armenian nor Azerbaijani forces opened fire"
    chain = [word, *islice(word.ancestors, 2)]
    for index, token in enumerate(chain):
        if any(c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ == "det") for c in token.children):
            return True
        if index > 0 and token.lemma_.lower() in BLOCKERS:
            return True
        if token.dep_ not in ("xcomp", "conj", "pcomp", "dobj", "pobj", "prep", "compound"):
            break
    verb = _clause_verb(word)  # "could hold a round of talks": the talks are as hypothetical as the holding
    return (
        any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in verb.children)
        or any(c.lower_ == "whether" for c in word.children)
        or conditioned(word)  # "if Kurdish fighters do not withdraw", "... seize its assets to fund Ukraine"
        or hedged(verb)  # "is unlikely to lift", "may seek to mediate", "unlikely to normalise relations"
    )


def _clause_verb(word: Token) -> Token:
    """The verb a noun is the object of, through "of" phrases ("hold a new round of talks"), or the word itself."""
    while word.head.i != word.i:
        noun = word.pos_ in ("NOUN", "PROPN") and word.dep_ in ("dobj", "pobj")
        if not (noun or (word.dep_ == "prep" and word.lower_ == "of")):
            break
        word = word.head
    return word


def while_protesting(verb: Token) -> bool:
    """ "students marched ..., demanding elections": the clause is done by people protesting."""
    inherits = verb.dep_ in ("advcl", "conj", "xcomp") and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    if not inherits or verb.head.pos_ != "VERB":
        return False
    # "held a rally, demanding ...", "staged a sit-in, ...": the head's object names the protest
    acts = [verb_trigger(verb.head), *(noun_trigger(c) for c in verb.head.children if c.dep_ == "dobj")]
    return any(act is not None and act.event is EventType.PROTEST for act in acts)
