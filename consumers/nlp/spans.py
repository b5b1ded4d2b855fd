"""Plain data passed between the NLP steps, so each step can be swapped without the others."""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.attrs import IDX
from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class RawSpan:
    """An entity span as a NER backend found it: character offsets (end exclusive) and its label."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class ParsedText:
    """One text with its dependency parse (sentences, heads) and the backend's entity spans.

    ``text`` and ``token_starts`` are read off the doc once: ``Doc.text`` joins
    every token on each access, and the mention steps need both several times.
    """

    doc: Doc
    spans: list[RawSpan] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        """The doc's text."""
        return self.doc.text

    @cached_property
    def token_starts(self) -> list[int]:
        """The character offset of every token, in order."""
        return [int(start) for start in self.doc.to_array(IDX)]


class Overlaps:
    """Spans indexed by position, so finding those that overlap one span costs a bisection, not a scan.

    An article naming hundreds of entities would otherwise compare every span with every other.
    """

    def __init__(self, spans: Iterable[RawSpan]) -> None:
        self._spans = sorted(spans, key=lambda span: span.start)
        self._starts = [span.start for span in self._spans]
        self._longest = max((span.end - span.start for span in self._spans), default=0)

    def of(self, span: RawSpan) -> list[RawSpan]:
        """The indexed spans sharing at least one character with ``span``."""
        low = bisect_left(self._starts, span.start - self._longest)
        high = bisect_left(self._starts, span.end)
        return [other for other in self._spans[low:high] if other.end > span.start]


class TakenRanges:
    """Disjoint character ranges, kept sorted, so checking a new range against every taken one is a bisection."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares no character with a taken range."""
        index = bisect_right(self._starts, start)
        if index > 0 and start < self._ends[index - 1] and end > self._starts[index - 1]:
            return False
        return index == len(self._starts) or end <= self._starts[index]

    def take(self, start: int, end: int) -> None:
        """Mark ``[start, end)`` as taken (callers check ``free`` first)."""
        index = bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)
