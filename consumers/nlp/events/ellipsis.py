"""A target a clause leaves unsaid because the clause before it in the sentence names it.

"Peru cut ties with Mexico, while Chile and Ecuador recalled their
ambassadors": the recall is from Mexico. Only sanctions count, and only an
earlier one in the same sentence by other parties: an ambassador recalled
with no one named is recalled from whom the sentence already broke with.
"""

from spacy.tokens import Token

from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.events.entities import Actor
from schemas import EventType


def shared_target(coded: list[CodedEvent], verb: Token, sources: list[Actor], event: EventType) -> list[Actor]:
    """The target of the last sanction coded earlier in ``verb``'s sentence by others, or ``[]``."""
    if event is not EventType.SANCTION or not sources:
        return []
    own = {s.id for s in sources}
    earlier = [
        e
        for e in coded
        if e.event is EventType.SANCTION and e.sentence.start == verb.sent.start and e.trigger.i < verb.i
    ]
    others = [e for e in earlier if e.source.id not in own and e.target.id not in own]
    return [others[-1].target] if others else []
