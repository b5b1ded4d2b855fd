"""Charges and demands answered: "dismissed accusations by Guyana", "heeded calls from the UN".

A speech act named as a noun is aimed at whoever answers it when it names no
one else: the one who rejects, denies, dismisses, accepts or heeds an
accusation or a demand is the one it was made against ("Venezuela dismissed
accusations by Guyana" is Guyana accusing Venezuela).
"""

from spacy.tokens import Token

from consumers.nlp.events.lexicon import Trigger
from consumers.nlp.events.rules import UNASSERTING
from consumers.nlp.events.triggers import verb_trigger
from schemas import EventType

# Verbs whose subject answers what they govern, beside those the lexicon codes as refusals or concessions.
ANSWERING_VERBS = {"deny", "dismiss", "rebuff", "reject", "brush", "heed", "accept", "ignore", "defy", "answer"}


def answered_by_governor(noun: Token, trigger: Trigger, governor: Token | None) -> bool:
    """Whether ``noun``, a charge or demand, is the object of a verb by which its target answers it."""
    if governor is None or trigger.event not in UNASSERTING or noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    if noun.head.i != governor.i:
        return False
    reply = verb_trigger(governor)
    replying = reply is not None and reply.event in (EventType.REJECT, EventType.CONCEDE)
    return replying or governor.lemma_.lower() in ANSWERING_VERBS
