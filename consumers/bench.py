"""``stancewire bench``: the worker end to end through the broker vs the NLP alone, side by side.

Both runs annotate the same articles (the valid seeds, repeated under new ids)
with the same annotator, so their ratio is the cost of the streaming around
the models. Needs a running broker (``docker/kafka-local.sh start``).
"""

import resource
import time
import uuid
from pathlib import Path

from rich.console import Console
from rich.table import Table

from consumers.alerts import load_rules
from consumers.errors import InvalidMessage
from consumers.nlp.annotator import Annotator
from consumers.publish import RawMessage, publish, read_messages
from consumers.settings import Settings, TopicSettings, WorkerSettings
from consumers.steps.decode import decode_article
from consumers.topics import create_topics
from consumers.worker import EnrichmentWorker
from schemas import RawArticle

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def bench_articles(settings: Settings, count: int, seeds: Path = SEEDS) -> list[RawArticle]:
    """``count`` valid articles made from the seeds, each with an id of its own."""
    valid: list[RawArticle] = []
    for message in read_messages([seeds]):
        try:
            valid.append(decode_article(message.value, settings.worker.max_body_chars, settings.nlp.languages))
        except InvalidMessage:
            continue
    if not valid:
        raise FileNotFoundError(f"no valid seed articles in {seeds}")
    return [valid[i % len(valid)].model_copy(update={"id": f"bench-{i:05d}"}) for i in range(count)]


def _nlp_alone(annotator: Annotator, articles: list[RawArticle], batch_size: int) -> float:
    started = time.perf_counter()
    for start in range(0, len(articles), batch_size):
        annotator.annotate(articles[start : start + batch_size])
    return len(articles) / (time.perf_counter() - started)


async def _end_to_end(settings: Settings, annotator: Annotator, articles: list[RawArticle]) -> float:
    run = uuid.uuid4().hex[:8]
    isolated = settings.model_copy(
        update={
            "topics": TopicSettings(**{**settings.topics.model_dump(), "prefix": f"bench-{run}."}),
            "worker": WorkerSettings(**{**settings.worker.model_dump(), "group_id": f"bench-{run}"}),
        }
    )
    await create_topics(isolated)
    await publish(isolated, [RawMessage(a.id.encode(), a.model_dump_json().encode()) for a in articles])
    worker = EnrichmentWorker(isolated, annotator, load_rules(settings.alerts.rules_file))
    started = time.perf_counter()
    await worker.run(until_caught_up=True)
    return len(articles) / (time.perf_counter() - started)


async def run_bench(settings: Settings, count: int, console: Console) -> None:
    """Print articles/s of the NLP alone and of the worker end to end, their ratio and peak memory."""
    from consumers.nlp.pipeline import build_annotator

    annotator = build_annotator(settings)
    articles = bench_articles(settings, count)
    annotator.annotate(articles[:2])  # warm up lazy initialisation before timing
    with console.status("NLP alone…"):
        ceiling = _nlp_alone(annotator, articles, settings.worker.batch_size)
    with console.status("worker end to end through the broker…"):
        streamed = await _end_to_end(settings, annotator, articles)
    table = Table("measurement", "articles/s", title=f"{count} articles, batch {settings.worker.batch_size}")
    table.add_row("NLP alone, in-process (ceiling)", f"{ceiling:.2f}")
    table.add_row("worker end to end (raw topic → outputs, committed)", f"{streamed:.2f}")
    table.add_row("ratio end to end / NLP alone", f"{streamed / ceiling:.2f}")
    table.add_row("peak RSS (MB)", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
    console.print(table)
