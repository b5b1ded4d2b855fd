"""Choosing the annotator from settings: the full NLP or a passthrough, in the worker or in a child process."""

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
    """The annotator ``nlp.pipeline`` names, models loaded (in a child process if ``worker.inference`` says)."""
    if settings.worker.inference == "process":
        from consumers.runtime.child_annotator import ChildProcessAnnotator

        in_child = settings.worker.model_copy(update={"inference": "thread"})
        return ChildProcessAnnotator(settings.model_copy(update={"worker": in_child}), load_annotator)
    if settings.nlp.pipeline == "passthrough":
        return PassthroughAnnotator(settings.enrichment_version)
    from consumers.nlp.pipeline import build_annotator

    return build_annotator(settings)
