"""Plain data passed between the NLP steps, so each step can be swapped without the others."""

from dataclasses import dataclass, field

from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class RawSpan:
    """An entity span as a NER backend found it: character offsets (end exclusive) and its label."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class ParsedText:
    """One text with its dependency parse (sentences, heads) and the backend's entity spans."""

    doc: Doc
    spans: list[RawSpan] = field(default_factory=list)
