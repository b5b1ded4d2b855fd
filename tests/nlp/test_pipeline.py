"""The annotator's contract: versions, order, per-article failures, offsets."""

from collections.abc import Sequence

from consumers.nlp.annotator import Annotation
from consumers.nlp.pipeline import NlpAnnotator
from consumers.nlp.spans import ParsedText
from schemas import RawArticle
from tests.nlp.conftest import article_from_text

TEXT = "Japan backs Philippines\n\nJapan pledged support for the Philippines. Tokyo criticized China for its actions."


def test_versions(annotator: NlpAnnotator) -> None:
    versions = annotator.versions
    assert versions.enrichment == "0.1.0"
    assert versions.ner == "spacy:en_core_web_sm-3.8.0"
    assert versions.stance == "minilm-tsc-lora:1+onnx+minilm-quadclass-head:1"  # the default runtime, ONNX


def test_batch_results_in_order(annotator: NlpAnnotator) -> None:
    articles = [article_from_text(TEXT, "a"), article_from_text("Nothing here\n\nThe weather was mild.", "b")]
    results = annotator.annotate(articles)
    assert len(results) == 2
    first, second = results
    assert isinstance(first, Annotation) and isinstance(second, Annotation)
    assert {e.id for e in first.entities} >= {"country:JPN", "country:PHL", "country:CHN"}
    assert ("country:JPN", "country:PHL", "cooperative") in {(s.source, s.target, s.stance) for s in first.stances}
    assert ("country:JPN", "country:CHN", "hostile") in {(s.source, s.target, s.stance) for s in first.stances}
    assert second.entities == [] and second.stances == []
    title_mentions = [m for e in first.entities for m in e.mentions if m.field == "title"]
    assert {m.text for m in title_mentions} == {"Japan", "Philippines"}


def test_one_failing_article_does_not_fail_the_batch(annotator: NlpAnnotator) -> None:
    class Broken:
        """Delegates to the real backend but breaks the second article's parse."""

        def __init__(self, inner: NlpAnnotator) -> None:
            self.inner = inner._ner

        @property
        def version(self) -> str:
            return "broken"

        def parse(self, texts: Sequence[str]) -> list[ParsedText]:
            parsed = self.inner.parse(texts)
            parsed[3] = ParsedText(None, parsed[3].spans)  # type: ignore[arg-type]
            return parsed

    broken = NlpAnnotator(
        Broken(annotator), annotator._encoder, annotator._head, annotator._scorer, enrichment_version="x"
    )
    articles: list[RawArticle] = [article_from_text(TEXT, "a"), article_from_text(TEXT, "b")]
    results = broken.annotate(articles)
    assert isinstance(results[0], Annotation)
    assert isinstance(results[1], Exception)
