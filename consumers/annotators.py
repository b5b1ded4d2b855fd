"""Choosing the annotator from settings: the full NLP, or a passthrough that annotates nothing."""

from collections.abc import Sequence

from consumers.nlp.annotator import Annotation, Annotator
from consumers.settings import Settings
from schemas import RawArticle, Versions


class PassthroughAnnotator:
    """Publishes every article with no entities or stances: the streaming cost alone, for benchmarks and drills."""

    def __init__(self, enrichment_version: str) -> None:
        self._versions = Versions(enrichment=enrichment_version, ner="none", stance="none")

    @property
    def versions(self) -> Versions:
        return self._versions

    def annotate(self, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
        return [Annotation(entities=[], stances=[]) for _ in articles]


def load_annotator(settings: Settings) -> Annotator:
    """The annotator ``settings.nlp.pipeline`` names, models loaded."""
    if settings.nlp.pipeline == "passthrough":
        return PassthroughAnnotator(settings.enrichment_version)
    from consumers.nlp.pipeline import build_annotator

    return build_annotator(settings)
