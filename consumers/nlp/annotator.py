"""The one interface the streaming code knows the NLP by.

Workers call ``annotate`` with a batch of articles off the event loop; any
implementation (spaCy, transformers, a no-op for benchmarks) plugs in here.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from schemas import Entity, RawArticle, StanceRelation, Versions


@dataclass(frozen=True, slots=True)
class Annotation:
    """What the NLP found in one article."""

    entities: list[Entity]
    stances: list[StanceRelation]


class Annotator(Protocol):
    """Annotates batches of articles; must be safe to call from a worker thread."""

    @property
    def versions(self) -> Versions:
        """Names and versions of the models, recorded in every event."""
        ...

    def annotate(self, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
        """One result per article, in order; an Exception in place of an article that failed alone."""
        ...
