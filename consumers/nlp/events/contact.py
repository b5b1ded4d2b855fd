"""A visit or call received from someone: "took a call from X", "received a visit from X".

A call or a visit has a side that makes it; English names that side with
"from" when the sentence's subject is the one who gets it. The subject of
"took", "received", "got" or "answered" is then the host or the one called,
not the one who acts: the contact noun carries the event, its "from" party
is the source, and the receiving verb says nothing of its own (it would code
the contact backwards, the receiver toward the caller).
"""

from spacy.tokens import Token

from consumers.nlp.events.lexicon import CORE_NOUNS
from schemas import EventType

# Verbs whose subject gets what the object names.
RECEIVING_VERBS = {"take", "receive", "get", "answer", "accept"}
CONTACT_MODES = ("visit", "phone")


def received_contact(verb: Token) -> bool:
    """Whether ``verb`` receives a visit or call that "from" says who made ("took a call from Riyadh")."""
    if verb.lemma_.lower() not in RECEIVING_VERBS:
        return False
    for noun in (c for c in verb.children if c.dep_ == "dobj"):
        found = CORE_NOUNS.get(noun.lemma_.lower())
        contact = found is not None and found.event is EventType.CONSULT and found.mode in CONTACT_MODES
        makers = [o for p in noun.children if p.lower_ == "from" for o in p.children if o.dep_ == "pobj"]
        if contact and makers:
            return True
    return False
