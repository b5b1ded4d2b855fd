"""The throughput measurements of the benchmark table, each a labelled coroutine over the same articles."""

import importlib.util
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from consumers.commands.benchmark.fixtures import published
from consumers.commands.benchmark.loops import naive_consumer, raw_consume_produce
from consumers.commands.benchmark.measure import nlp_alone, spacy_alone, worker_in_process, worker_processes
from consumers.core.alerts import RuleSet
from consumers.nlp.annotator import Annotator
from consumers.runtime.annotators import PassthroughAnnotator, load_annotator
from consumers.runtime.child_annotator import ChildProcessAnnotator
from consumers.settings import Settings
from schemas import RawArticle

STREAMING_REPEAT = 20  # the streaming alone is fast: more messages to time it over
PROCESSES = (1, 2, 3)


@dataclass(frozen=True)
class Measurement:
    """One row: its key (for ratios), its label, and the coroutine that returns articles/s."""

    key: str
    label: str
    run: Callable[[], Awaitable[float]]


def other_runtime(runtime: str) -> str:
    return "onnx" if runtime == "torch" else "torch"


def nlp_measurements(
    settings: Settings, annotator: Annotator, articles: list[RawArticle], paired: dict[str, float]
) -> list[Measurement]:
    """(0) spaCy alone, (1) the models alone on this runtime, (1b) on the other, in turn with (1) into ``paired``."""
    runtime, batch = settings.nlp.runtime, settings.worker.batch_size
    other = other_runtime(runtime)
    swapped: list[Annotator] = []

    async def spacy() -> float:
        return spacy_alone(settings, articles, batch)

    async def nlp() -> float:
        return nlp_alone(annotator, articles, batch)

    async def nlp_other_runtime() -> float:
        if not swapped:
            on_other = settings.nlp.model_copy(update={"runtime": other})
            swapped.append(load_annotator(settings.model_copy(update={"nlp": on_other})))
            swapped[0].annotate(articles[:2])
        paired[runtime] = max(paired.get(runtime, 0.0), nlp_alone(annotator, articles, batch))
        return nlp_alone(swapped[0], articles, batch)

    measurements = [
        Measurement("nlp", f"1. NLP alone, in-process, batched (ceiling; nlp.runtime={runtime})", nlp),
        Measurement("other", f"1b. the same, nlp.runtime={other}", nlp_other_runtime),
        Measurement("spacy", "1c. spaCy's own pipeline alone (the parse inside 1), same articles", spacy),
    ]
    if importlib.util.find_spec("torch") is None:  # the torch-free install: no other runtime to compare
        measurements = [m for m in measurements if m.key != "other"]
    return measurements


def worker_measurements(
    settings: Settings, annotator: Annotator, rules: RuleSet, articles: list[RawArticle]
) -> list[Measurement]:
    """(2)-(5): the worker in a thread and with a child, the naive consumer, the streaming alone, processes."""
    count = len(articles)
    noop = PassthroughAnnotator(settings.enrichment_version)
    many = articles * STREAMING_REPEAT

    async def worker() -> float:
        return await worker_in_process(await published(settings, articles), annotator, rules, count)

    async def worker_child() -> float:
        in_child = settings.worker.model_copy(update={"inference": "process"})
        child = load_annotator(settings.model_copy(update={"worker": in_child}))
        child.annotate(articles[:2])
        try:
            return await worker_in_process(await published(settings, articles), child, rules, count)
        finally:
            if isinstance(child, ChildProcessAnnotator):
                child.close()

    async def naive() -> float:
        return await naive_consumer(await published(settings, articles), annotator, rules, count)

    async def noop_worker() -> float:
        return await worker_in_process(await published(settings, many), noop, rules, len(many))

    async def raw() -> float:
        return await raw_consume_produce(await published(settings, many), len(many))

    def processes(n: int) -> Callable[[], Awaitable[float]]:
        async def run() -> float:
            return await worker_processes(settings, articles, processes=n)

        return run

    return [
        Measurement("worker", "2. worker end to end (raw → all outputs, committed), models in a thread", worker),
        Measurement("child", "2b. the same, models in a child process (worker.inference=process)", worker_child),
        Measurement("naive", "3. naive consumer (one at a time: consume, annotate, produce, commit)", naive),
        Measurement("noop", f"4a. worker with a no-op annotator (×{STREAMING_REPEAT} articles)", noop_worker),
        Measurement("raw", f"4b. raw aiokafka consume → produce loop (×{STREAMING_REPEAT} articles)", raw),
        *(
            Measurement(
                f"processes-{n}", f"5{'abc'[i]}. {n} worker process{'es' if n > 1 else ''}, 6 partitions", processes(n)
            )
            for i, n in enumerate(PROCESSES)
        ),
    ]
