"""Each measurement of the benchmark table, all on the same articles."""

import asyncio
import os
import subprocess
import sys
import time

from consumers.commands.benchmark.fixtures import published
from consumers.core.alerts import RuleSet
from consumers.kafka.reader import read_to_end
from consumers.nlp.annotator import Annotator
from consumers.runtime.worker import EnrichmentWorker
from consumers.settings import Settings
from schemas import RawArticle

FIRST_BURST_MS = 200  # a batch's outputs leave the producer together, well within this


def spacy_alone(settings: Settings, articles: list[RawArticle], batch_size: int) -> float:
    """The anchor: the spaCy pipeline the annotator parses with, as it ships, over titles and bodies. Articles/s."""
    from consumers.nlp.ner import load_spacy  # spaCy loads with the models, not with the benchmark's modules

    nlp = load_spacy(settings.nlp.spacy_model)
    if "paragraph_breaks" in nlp.pipe_names:  # our component: spaCy's pipeline as it ships
        nlp.remove_pipe("paragraph_breaks")
    texts = [text for article in articles for text in (article.title, article.body)]
    list(nlp.pipe(texts[:4]))  # lazy initialisation happens before anything is timed
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return len(articles) / (time.perf_counter() - started)


def nlp_alone(annotator: Annotator, articles: list[RawArticle], batch_size: int) -> float:
    """The ceiling: the annotator in-process, batched. Articles/s."""
    started = time.perf_counter()
    for start in range(0, len(articles), batch_size):
        annotator.annotate(articles[start : start + batch_size])
    return len(articles) / (time.perf_counter() - started)


async def worker_in_process(settings: Settings, annotator: Annotator, rules: RuleSet, count: int) -> float:
    """The worker from its first assignment until every article is produced and committed. Articles/s.

    The clock stops at the commit of the last offset, not when ``run`` returns:
    leaving the group and closing the clients is shutdown, not throughput.
    """
    worker = EnrichmentWorker(settings, annotator, rules)
    times: list[float] = []

    async def watch() -> None:
        await worker.state.joined.wait()
        times.append(time.perf_counter())
        while sum(worker.committed.values()) < count:  # noqa: ASYNC110 - the worker updates a mapping, not an event
            await asyncio.sleep(0.005)
        times.append(time.perf_counter())

    watcher = asyncio.create_task(watch())
    await worker.run(until_caught_up=True)
    await watcher
    assigned, committed = times
    return count / (committed - assigned)


async def worker_processes(settings: Settings, articles: list[RawArticle], processes: int) -> float:
    """``processes`` worker subprocesses in one group on a 6-partition topic. Articles/s after the first output.

    Timed from the outputs' own timestamps, so model loading and group joins
    are left out; the first batch's outputs (the burst at the first
    timestamp) were annotated before that, so they are not counted.
    """
    isolated = await published(settings, articles, partitions=6)
    env = {
        **os.environ,
        "STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS": isolated.kafka.bootstrap_servers,
        "STANCEWIRE_TOPICS__PREFIX": isolated.topics.prefix,
        "STANCEWIRE_WORKER__GROUP_ID": isolated.worker.group_id,
        "STANCEWIRE_METRICS__ENABLED": "false",
        "STANCEWIRE_NLP__TORCH_THREADS": str(max(1, (os.cpu_count() or 1) // processes)),
    }
    command = [sys.executable, "-m", "consumers.commands.cli", "worker", "--until-caught-up"]
    workers = [
        await asyncio.create_subprocess_exec(*command, env=env, stderr=subprocess.DEVNULL) for _ in range(processes)
    ]
    for worker in workers:
        await worker.wait()
    enriched = (await read_to_end(isolated.kafka, [isolated.topics.name("enriched")]))[isolated.topics.name("enriched")]
    stamps = sorted(record.timestamp_ms for record in enriched)
    first_burst = sum(1 for stamp in stamps if stamp <= stamps[0] + FIRST_BURST_MS)
    return (len(stamps) - first_burst) / max(1e-3, (stamps[-1] - stamps[0]) / 1000)
