"""A target a clause leaves unsaid because the clause before it in the sentence names it.

"Peru cut ties with Mexico, while Chile and Ecuador recalled their
ambassadors": the recall is from Mexico. Only envoys recalled or expelled
count, and only after an earlier sanction in the same sentence by other
parties: an ambassador recalled with no one named is recalled from whom the
sentence already broke with.
"""

from spacy.tokens import Token

from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.events.entities import Actor
from schemas import EventType

ENVOYS = {"ambassador", "envoy", "diplomat", "representative", "mission", "embassy"}  # recalled or expelled


def shared_target(coded: list[CodedEvent], verb: Token, sources: list[Actor], event: EventType) -> list[Actor]:
    """The target of the last sanction coded earlier in ``verb``'s sentence by others, or ``[]``."""
    recalled = [o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in ENVOYS]
    if event is not EventType.SANCTION or not sources or not recalled:
        return []
    own = {s.id for s in sources}
    earlier = [
        e
        for e in coded
        if e.event is EventType.SANCTION and e.sentence.start == verb.sent.start and e.trigger.i < verb.i
    ]
    others = [e for e in earlier if e.source.id not in own and e.target.id not in own]
    return [others[-1].target] if others else []
