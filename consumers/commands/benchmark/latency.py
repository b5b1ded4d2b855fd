"""How long an article takes through the worker as the load grows, and the floor: one article annotated alone."""

import asyncio
import statistics
import time
from dataclasses import dataclass

from consumers.commands.benchmark.fixtures import as_messages, fresh_topics
from consumers.core.alerts import RuleSet
from consumers.kafka.clients import make_producer
from consumers.kafka.reader import read_to_end
from consumers.nlp.annotator import Annotator
from consumers.runtime.worker import EnrichmentWorker
from consumers.settings import Settings
from schemas import RawArticle

LOAD_SHARES = (0.25, 0.5, 0.75, 0.9)  # of the worker's measured maximum rate


@dataclass(frozen=True)
class Latency:
    """Seconds: the median, the 99th percentile and the longest."""

    p50: float
    p99: float
    longest: float

    @classmethod
    def of(cls, seconds: list[float]) -> "Latency":
        ordered = sorted(seconds)
        if not ordered:
            raise ValueError("no latencies were measured")
        if len(ordered) < 2:
            return cls(ordered[0], ordered[0], ordered[0])
        percentiles = statistics.quantiles(ordered, n=100, method="inclusive")
        return cls(percentiles[49], percentiles[98], ordered[-1])

    def __str__(self) -> str:
        return f"{self.p50:.2f} / {self.p99:.2f} / {self.longest:.2f}"


def one_article_alone(annotator: Annotator, articles: list[RawArticle]) -> Latency:
    """The floor: each article annotated in a call of its own, no broker."""
    seconds = []
    for article in articles:
        started = time.perf_counter()
        annotator.annotate([article])
        seconds.append(time.perf_counter() - started)
    return Latency.of(seconds)


async def latency_at_rate(
    settings: Settings, annotator: Annotator, rules: RuleSet, articles: list[RawArticle], per_second: float
) -> Latency:
    """From a raw message's timestamp to its enriched article's, the articles published at ``per_second``."""
    isolated = await fresh_topics(settings)
    worker = EnrichmentWorker(isolated, annotator, rules)
    running = asyncio.create_task(worker.run())
    await worker.state.joined.wait()
    producer = make_producer(isolated.kafka)
    await producer.start()
    try:
        started, started_ms = time.perf_counter(), time.time() * 1000
        for index, message in enumerate(as_messages(articles)):
            await asyncio.sleep(max(0.0, started + index / per_second - time.perf_counter()))
            # stamped with the time it was due, so a send delayed by a busy loop counts as waiting
            due_ms = int(started_ms + index * 1000 / per_second)
            await producer.send_and_wait(isolated.topics.name("raw"), message.value, message.key, timestamp_ms=due_ms)
    finally:
        await producer.stop()
    while sum(worker.committed.values()) < len(articles):  # noqa: ASYNC110 - the worker updates a mapping, not an event
        await asyncio.sleep(0.1)
    worker.stop()
    await running
    names = [isolated.topics.name("raw"), isolated.topics.name("enriched")]
    records = await read_to_end(isolated.kafka, names)
    sent = {record.key: record.timestamp_ms for record in records[names[0]]}
    return Latency.of([(r.timestamp_ms - sent[r.key]) / 1000 for r in records[names[1]] if r.key in sent])


async def latency_curve(
    settings: Settings, annotator: Annotator, rules: RuleSet, articles: list[RawArticle], max_rate: float
) -> dict[float, Latency]:
    """Latency at each share of ``max_rate`` in ``LOAD_SHARES``."""
    return {
        share: await latency_at_rate(settings, annotator, rules, articles, per_second=share * max_rate)
        for share in LOAD_SHARES
    }
