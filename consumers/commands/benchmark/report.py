"""Runs every measurement in one go and prints the tables the targets are stated in."""

import importlib.util
import resource
import subprocess

from rich.console import Console

from consumers.commands.benchmark.fixtures import bench_articles
from consumers.commands.benchmark.latency import latency_curve, one_article_alone
from consumers.commands.benchmark.memory import memory_stages
from consumers.commands.benchmark.steps import Measurement, nlp_measurements, other_runtime, worker_measurements
from consumers.commands.benchmark.tables import Figures, latency_table, memory_table, rate_table, ratio_table
from consumers.core.alerts import load_rules
from consumers.runtime.annotators import load_annotator
from consumers.settings import Settings

# The rows bound by the models are measured twice, in turn, and the better run kept:
# drift on a shared machine then touches the rows a ratio compares alike. The other
# NLP runtime (1b) and spaCy alone (1c) come last, after the memory figures.
REPEATED = frozenset({"nlp", "worker", "child", "naive"})
LAST = frozenset({"other", "spacy"})
FLOOR_ARTICLES = 32
MEMORY_ARTICLES = 64


def _peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


async def _measure(
    measurements: list[Measurement], keys: frozenset[str], rates: dict[str, float], console: Console
) -> None:
    """Run the measurements named in ``keys``, keeping each one's best rate."""
    for measurement in measurements:
        if measurement.key in keys:
            with console.status(f"{measurement.label}…"):
                rates[measurement.key] = max(rates.get(measurement.key, 0.0), await measurement.run())


def _exports_missing(settings: Settings) -> bool:
    """Whether loading the models will export them to ONNX first (in a child process, counted among children)."""
    from consumers.nlp.embeddings import default_encoder_path
    from consumers.nlp.onnx_cache import is_exported
    from consumers.nlp.target_items import DEFAULT_TSC_PATH

    if settings.nlp.runtime != "onnx":
        return False
    encoder, root = settings.nlp.encoder or default_encoder_path(), settings.nlp.onnx_dir
    return not (
        is_exported("encoder", encoder, root=root) and is_exported("target-stance", encoder, DEFAULT_TSC_PATH, root)
    )


async def run_bench(settings: Settings, count: int, console: Console) -> None:
    """Measure, then print articles/s, ratios against the targets, latency under load and memory."""
    exported = _exports_missing(settings)
    annotator = load_annotator(settings)
    rules = load_rules(settings.alerts.rules_file)
    articles = bench_articles(settings, count)
    annotator.annotate(articles[:2])  # lazy initialisation happens before anything is timed
    paired: dict[str, float] = {}  # (1) measured again, in turn with (1b), for their ratio
    measurements = nlp_measurements(settings, annotator, articles, paired)
    measurements += worker_measurements(settings, annotator, rules, articles)
    rates: dict[str, float] = {}
    await _measure(measurements, frozenset(m.key for m in measurements) - LAST, rates, console)
    await _measure(measurements, REPEATED, rates, console)
    with console.status("latency at 25, 50, 75 and 90% of the worker's rate…"):
        curve = await latency_curve(settings, annotator, rules, articles, max_rate=rates["worker"])
    with console.status("one article annotated alone…"):
        floor = one_article_alone(annotator, articles[:FLOOR_ARTICLES])
    figures = Figures(
        rates,
        paired,
        curve,
        floor,
        worker_rss=_peak_rss_mb(resource.RUSAGE_SELF),  # before a second set of models joins this process
        children_rss=_peak_rss_mb(resource.RUSAGE_CHILDREN),  # before the memory stages' own process
        exported=exported,
    )
    with console.status("memory, stage by stage, in a fresh process…"):
        figures.memory.extend(memory_stages(MEMORY_ARTICLES))
        if importlib.util.find_spec("torch") is not None:
            other = other_runtime(settings.nlp.runtime)
            try:
                figures.other_runtime_memory = memory_stages(MEMORY_ARTICLES, other)[-1][1]
            except subprocess.CalledProcessError as failed:
                console.print(
                    f"[yellow]the memory stages on nlp.runtime={other} failed:[/yellow] {failed.stderr[-500:]}"
                )
    for _ in range(2):
        await _measure(measurements, LAST, rates, console)

    console.print(rate_table(measurements, rates, len(articles), settings.worker.batch_size))
    console.print(ratio_table(settings, figures))
    console.print(latency_table(figures))
    console.print(memory_table(settings, figures))
