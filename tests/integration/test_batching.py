"""Through the real broker: the token budget splits what one fetch brings, and models can run in a child process."""

from collections.abc import Sequence

from consumers.commands.benchmark.fixtures import as_messages
from consumers.commands.publish import publish
from consumers.nlp.annotator import Annotation
from consumers.runtime.annotators import PassthroughAnnotator, load_annotator
from consumers.runtime.child_annotator import ChildProcessAnnotator
from consumers.settings import Settings
from schemas import EnrichedArticle, RawArticle, decode
from tests.integration.articles import generated_articles
from tests.integration.conftest import read_outputs
from tests.integration.test_seed_end_to_end import run_worker


class BatchRecorder(PassthroughAnnotator):
    """Annotates nothing and remembers the size of every batch it was given."""

    def __init__(self) -> None:
        super().__init__("test")
        self.sizes: list[int] = []

    def annotate(self, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
        self.sizes.append(len(articles))
        return super().annotate(articles)


async def enriched_ids(settings: Settings) -> list[str]:
    records = (await read_outputs(settings))["enriched"]
    return sorted(decode(EnrichedArticle, record.value or b"").id for record in records)


async def test_a_token_budget_of_one_article_annotates_one_article_at_a_time(settings: Settings) -> None:
    articles = generated_articles(24, prefix="budget")
    smallest = min(len(message.value or b"") for message in as_messages(articles))
    tight = settings.model_copy(
        update={"worker": settings.worker.model_copy(update={"batch_size": 8, "batch_max_tokens": smallest // 4})}
    )
    await publish(tight, as_messages(articles))
    recorder = BatchRecorder()
    await run_worker(tight, recorder)

    assert recorder.sizes and max(recorder.sizes) == 1
    assert await enriched_ids(tight) == sorted(article.id for article in articles)


async def test_a_worker_with_its_models_in_a_child_process_enriches_everything(settings: Settings) -> None:
    articles = generated_articles(24, prefix="child")
    await publish(settings, as_messages(articles))
    child = load_annotator(
        settings.model_copy(
            update={
                "nlp": settings.nlp.model_copy(update={"pipeline": "passthrough"}),
                "worker": settings.worker.model_copy(update={"inference": "process"}),
            }
        )
    )
    assert isinstance(child, ChildProcessAnnotator)
    try:
        await run_worker(settings, child)
    finally:
        child.close()
    assert await enriched_ids(settings) == sorted(article.id for article in articles)
