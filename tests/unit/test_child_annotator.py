"""Inference in a child process: the models run there, results come back in order, a dead child stops the worker."""

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest

from consumers.core.alerts import load_rules
from consumers.core.decode import Decoder
from consumers.errors import InferenceProcessDied
from consumers.nlp.annotator import Annotation, Annotator
from consumers.runtime.annotators import load_annotator
from consumers.runtime.child_annotator import ChildProcessAnnotator
from consumers.runtime.records import Batch
from consumers.runtime.steps import DecodeArticles, EnrichArticles
from consumers.runtime.steps.enrich import DeadLetterGuard
from consumers.settings import Settings
from schemas import RawArticle, Versions
from tests.unit.fakes import FakeAnnotator, RecordingStep, raw_value, received


class PidAnnotator(FakeAnnotator):
    """The fake annotator, naming the process it runs in; an article with id 'die' kills that process."""

    def __init__(self) -> None:
        super().__init__()
        self.versions = Versions(enrichment="test", ner=f"pid-{os.getpid()}", stance="fake")

    def annotate(self, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
        if any(article.id == "die" for article in articles):
            os._exit(1)  # what the kernel's OOM killer looks like from outside
        return super().annotate(articles)


def pid_annotator(settings: Settings) -> Annotator:
    return PidAnnotator()


@pytest.fixture(scope="module")
def child() -> Iterator[ChildProcessAnnotator]:
    annotator = ChildProcessAnnotator(Settings(), pid_annotator)
    yield annotator
    annotator.close()


def article(article_id: str, body: str = "AAA and BBB.") -> RawArticle:
    return RawArticle(id=article_id, url=f"https://example.org/{article_id}", title="t", body=body, source="test")


def test_the_models_run_in_another_process_and_results_come_back_in_order(child: ChildProcessAnnotator) -> None:
    assert child.versions.ner != f"pid-{os.getpid()}"
    bodies = ["AAA and BBB.", "BBB only.", "Then AAA again."]
    results = child.annotate([article(str(i), body) for i, body in enumerate(bodies)])
    assert [r.stances[0].evidence.text for r in results if isinstance(r, Annotation)] == bodies


def test_settings_choose_the_child_process() -> None:
    annotator = load_annotator(Settings(worker={"inference": "process"}, nlp={"pipeline": "passthrough"}))
    assert isinstance(annotator, ChildProcessAnnotator)
    try:
        assert annotator.annotate([article("one")]) == [Annotation(entities=[], stances=[])]
    finally:
        annotator.close()


async def test_a_dead_child_stops_the_pipeline_instead_of_dead_lettering_the_batch() -> None:
    dying = ChildProcessAnnotator(Settings(), pid_annotator)
    sink = RecordingStep()
    enrich = EnrichArticles(sink, dying, ThreadPoolExecutor(1), load_rules(), DeadLetterGuard(100), max_in_flight=2)
    chain = DecodeArticles(enrich, Decoder(1000, frozenset({"en"})))
    await chain.submit(Batch.of([received(0, raw_value("ok")), received(1, raw_value("die"))]))
    with pytest.raises(InferenceProcessDied):
        await chain.join()
    assert sink.batches == []
    dying.close()
