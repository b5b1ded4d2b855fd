"""One coded event: who did what to whom, read from which sentence."""

from dataclasses import dataclass

from spacy.tokens import Span, Token

from consumers.nlp.events.entities import Actor
from schemas import EventType, TextField


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """One event between two coded actors, with the sentence it was read from."""

    source: Actor
    target: Actor
    event: EventType
    mode: str | None
    sentence: Span
    trigger: Token
    confidence: float
    field: TextField = "body"
