"""Runs every measurement in one go and prints one table, with the ratios the targets are stated in."""

import resource
from collections.abc import Awaitable, Callable

from rich.console import Console
from rich.table import Table

from consumers.commands.benchmark.fixtures import bench_articles, published
from consumers.commands.benchmark.loops import naive_consumer, raw_consume_produce
from consumers.commands.benchmark.measure import latency_at_rate, nlp_alone, worker_in_process, worker_processes
from consumers.core.alerts import RuleSet, load_rules
from consumers.nlp.annotator import Annotator
from consumers.runtime.annotators import PassthroughAnnotator, load_annotator
from consumers.runtime.child_annotator import ChildProcessAnnotator
from consumers.settings import Settings
from schemas import RawArticle

STREAMING_REPEAT = 20
# The rows bound by the models are measured twice, in turn, and the better run kept:
# drift on a shared machine then touches the rows a ratio compares alike. The other
# NLP runtime (1b) comes last, after the memory figures, each time in turn with (1) again.
REPEATED = frozenset({"nlp", "worker", "child", "naive"})


def _peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


Step = tuple[str, str, Callable[[], Awaitable[float]]]


async def run_bench(settings: Settings, count: int, console: Console) -> None:
    """Measure, then print articles/s, ratios against the targets, latency and peak memory."""
    annotator = load_annotator(settings)
    rules = load_rules(settings.alerts.rules_file)
    articles = bench_articles(settings, count)
    annotator.annotate(articles[:2])  # lazy initialisation happens before anything is timed
    paired: dict[str, float] = {}  # (1) measured again, in turn with (1b), for their ratio
    steps = _nlp_steps(settings, annotator, articles, paired) + _worker_steps(settings, annotator, rules, articles)
    rates: dict[str, float] = {}

    async def measure(keys: Callable[[str], bool]) -> None:
        for key, label, run in steps:
            if keys(key):
                with console.status(f"{label}…"):
                    rates[key] = max(rates.get(key, 0.0), await run())

    await measure(lambda key: key != "other")
    await measure(lambda key: key in REPEATED)
    with console.status("latency at half the worker's rate…"):
        latency = await latency_at_rate(settings, annotator, rules, articles, per_second=rates["worker"] / 2)
    worker_rss = _peak_rss_mb(resource.RUSAGE_SELF)  # before a second set of models joins this process
    children_rss = _peak_rss_mb(resource.RUSAGE_CHILDREN)  # before a first ONNX export runs in a child
    for _ in range(2):
        await measure(lambda key: key == "other")

    table = Table(
        "measurement",
        "articles/s",
        title=f"stancewire bench: {len(articles)} articles, batch {settings.worker.batch_size}",
    )
    for key, label, _ in steps:
        table.add_row(label, f"{rates[key]:.1f}")
    console.print(table)
    console.print(_ratios(settings, rates, paired, latency, (worker_rss, children_rss)))


def _nlp_steps(
    settings: Settings, annotator: Annotator, articles: list[RawArticle], paired: dict[str, float]
) -> list[Step]:
    """(1) the models alone on this runtime, (1b) on the other, measured in turn with (1) into ``paired``."""
    runtime = settings.nlp.runtime
    other = "onnx" if runtime == "torch" else "torch"
    swapped: list[Annotator] = []

    async def nlp() -> float:
        return nlp_alone(annotator, articles, settings.worker.batch_size)

    async def nlp_other_runtime() -> float:
        if not swapped:
            on_other = settings.nlp.model_copy(update={"runtime": other})
            swapped.append(load_annotator(settings.model_copy(update={"nlp": on_other})))
            swapped[0].annotate(articles[:2])
        paired[runtime] = max(paired.get(runtime, 0.0), nlp_alone(annotator, articles, settings.worker.batch_size))
        return nlp_alone(swapped[0], articles, settings.worker.batch_size)

    return [
        ("nlp", f"1. NLP alone, in-process, batched (ceiling; nlp.runtime={runtime})", nlp),
        ("other", f"1b. the same, nlp.runtime={other}", nlp_other_runtime),
    ]


def _worker_steps(settings: Settings, annotator: Annotator, rules: RuleSet, articles: list[RawArticle]) -> list[Step]:
    """(2)-(5): the worker in a thread and with a child, the naive consumer, the streaming alone, processes."""
    count = len(articles)
    noop = PassthroughAnnotator(settings.enrichment_version)
    many = articles * STREAMING_REPEAT  # the streaming alone is fast: more messages to time it over

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

    async def one() -> float:
        return await worker_processes(settings, articles, processes=1)

    async def two() -> float:
        return await worker_processes(settings, articles, processes=2)

    return [
        ("worker", "2. worker end to end (raw → all outputs, committed), models in a thread", worker),
        ("child", "2b. the same, models in a child process (worker.inference=process)", worker_child),
        ("naive", "3. naive consumer (one at a time: consume, annotate, produce, commit)", naive),
        ("noop", f"4a. worker with a no-op annotator (×{STREAMING_REPEAT} articles)", noop_worker),
        ("raw", f"4b. raw aiokafka consume → produce loop (×{STREAMING_REPEAT} articles)", raw),
        ("one", "5a. 1 worker process, 6 partitions", one),
        ("two", "5b. 2 worker processes, 6 partitions", two),
    ]


def _ratios(
    settings: Settings,
    rates: dict[str, float],
    paired: dict[str, float],
    latency: tuple[float, float],
    rss: tuple[float, float],
) -> Table:
    """The ratios the targets are stated in, the latency at half rate and the peak memory."""
    runtime = settings.nlp.runtime
    other = "onnx" if runtime == "torch" else "torch"
    p50, p99 = latency
    worker_rss, children_rss = rss
    ratios = Table("ratio", "measured", "target")
    ratios.add_row(
        f"(1b) {other} / (1) {runtime}, NLP alone in turn ({rates['other']:.1f} / {paired[runtime]:.1f} articles/s)",
        f"{rates['other'] / paired[runtime]:.2f}",
        "",
    )
    ratios.add_row("(2) worker / (1) NLP alone", f"{rates['worker'] / rates['nlp']:.2f}", "≥ 0.9")
    ratios.add_row("(2b) models in a child process / (2) in a thread", f"{rates['child'] / rates['worker']:.2f}", "")
    ratios.add_row("(2) worker / (3) naive consumer", f"{rates['worker'] / rates['naive']:.2f}", "≥ 3")
    ratios.add_row("(4a) no-op worker / (4b) raw loop", f"{rates['noop'] / rates['raw']:.2f}", "≥ 0.8")
    ratios.add_row("(5b) 2 processes / (5a) 1 process", f"{rates['two'] / rates['one']:.2f}", "")
    ratios.add_row("end-to-end latency p50 / p99 at half rate (s)", f"{p50:.2f} / {p99:.2f}", "")
    ratios.add_row("peak RSS, this process (worker + models), MB", f"{worker_rss:.0f}", "≤ 1536")
    ratios.add_row("peak RSS, largest child (worker processes, inference child), MB", f"{children_rss:.0f}", "≤ 1536")
    return ratios
