"""The benchmark's figures, and the tables that print them beside the targets."""

import os
from dataclasses import dataclass, field

from rich.table import Table

from consumers.commands.benchmark.latency import Latency
from consumers.commands.benchmark.steps import PROCESSES, Measurement, other_runtime
from consumers.settings import Settings

HALF_LOAD = 0.5


@dataclass
class Figures:
    """Everything one run measured: rates (articles/s by key), latency, memory."""

    rates: dict[str, float]
    paired: dict[str, float]  # (1) measured in turn with (1b), by runtime
    curve: dict[float, Latency]  # by share of the worker's rate
    floor: Latency
    worker_rss: float
    children_rss: float
    exported: bool = False  # this run exported the ONNX models first: that child's peak is among the children's
    memory: list[tuple[str, float]] = field(default_factory=list)  # (stage, resident MB after it)
    other_runtime_memory: float | None = None  # the same stages' end on the other runtime (None: not installed)


def rate_table(measurements: list[Measurement], rates: dict[str, float], count: int, batch: int) -> Table:
    table = Table("measurement", "articles/s", title=f"stancewire bench: {count} articles, batch {batch}")
    for measurement in measurements:
        table.add_row(measurement.label, f"{rates[measurement.key]:.1f}")
    return table


def ratio_table(settings: Settings, figures: Figures) -> Table:
    """The ratios the targets are stated in, and throughput per process as processes are added."""
    rates, runtime = figures.rates, settings.nlp.runtime
    other = other_runtime(runtime)
    table = Table("ratio", "measured", "target", title="ratios, measured side by side in this run")
    if "other" in rates:
        table.add_row(
            f"(1b) {other} / (1) {runtime}, NLP alone in turn ({rates['other']:.1f} / {figures.paired[runtime]:.1f})",
            f"{rates['other'] / figures.paired[runtime]:.2f}",
            "",
        )
    table.add_row("(1) full annotation / (1c) spaCy's pipeline alone", f"{rates['nlp'] / rates['spacy']:.2f}", "≥ 0.6")
    table.add_row("(2) worker / (1) NLP alone", f"{rates['worker'] / rates['nlp']:.2f}", "≥ 0.95")
    table.add_row("(2b) models in a child process / (2) in a thread", f"{rates['child'] / rates['worker']:.2f}", "")
    table.add_row("(2) worker / (3) naive consumer", f"{rates['worker'] / rates['naive']:.2f}", "≥ 3.5")
    table.add_row("(4a) no-op worker / (4b) raw loop", f"{rates['noop'] / rates['raw']:.2f}", "≥ 0.8")
    one = rates[f"processes-{PROCESSES[0]}"]
    for n in PROCESSES[1:]:
        total = rates[f"processes-{n}"]
        table.add_row(
            f"(5) {n} processes / 1 process, in all ({total / n:.1f} articles/s each)", f"{total / one:.2f}", ""
        )
    table.add_row("cores here", str(os.cpu_count()), "")
    return table


def latency_table(figures: Figures) -> Table:
    """End-to-end latency (raw timestamp → enriched timestamp) against the load, and the floor."""
    table = Table("load", "articles/s", "p50 / p99 / max (s)", "target", title="latency")
    table.add_row("one article annotated alone, no broker (the floor)", "", str(figures.floor), "")
    for share, latency in figures.curve.items():
        target = "p50 ≤ 0.7, p99 ≤ 1.5" if share == HALF_LOAD else ""
        rate = share * figures.rates["worker"]
        table.add_row(f"{share:.0%} of the worker's rate (2)", f"{rate:.1f}", str(latency), target)
    return table


def memory_target(runtime: str) -> str:
    """The peak a worker should stay under: ONNX Runtime is the image's runtime, torch the full install's other."""
    return "≤ 800" if runtime == "onnx" else "≤ 1024"


def memory_table(settings: Settings, figures: Figures) -> Table:
    """Resident memory stage by stage in a fresh process, and the peaks of this run's workers."""
    table = Table("memory", "resident MB", "growth MB", "target", title="memory")
    previous = 0.0
    for stage, resident in figures.memory:
        table.add_row(stage, f"{resident:.0f}", f"{resident - previous:+.0f}" if previous else "", "")
        previous = resident
    target = memory_target(settings.nlp.runtime)
    if figures.other_runtime_memory is not None:
        other = other_runtime(settings.nlp.runtime)
        row = f"the same stages on nlp.runtime={other}, at the end"
        table.add_row(row, f"{figures.other_runtime_memory:.0f}", "", memory_target(other))
    table.add_row("peak, this process (worker + models, in a thread)", f"{figures.worker_rss:.0f}", "", target)
    children = "n/a: this run exported the models to ONNX first; run again" if figures.exported else ""
    table.add_row(
        "peak, largest child (worker processes, inference child)", children or f"{figures.children_rss:.0f}", "", target
    )
    return table
