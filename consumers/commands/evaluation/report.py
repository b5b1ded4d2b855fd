"""``stancewire eval``: every quality and speed figure of the shipped annotator in one table.

Loads the annotator once (2 CPU threads, the figure the README quotes) and
prints: target-stance macro-F1 and accuracy per NewsMTSC file, quad-class
accuracy on its held-out sentences, actor -> target precision / recall /
accuracy on the annotated passages beside the co-occurrence baseline, and
articles per second. Every data file is checked before the models load: a
missing one stops the command (``consumers.datasets``) rather than leaving
its figure out of the table.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from consumers.commands.evaluation.actor_target import DEFAULT_SET, evaluate_passages, load_passages
from consumers.commands.evaluation.benchmarks import articles_per_second, newsmtsc_score, quadclass_score
from consumers.commands.evaluation.events import DEFAULT_FILES as DEFAULT_EVENT_FILES
from consumers.commands.evaluation.events import evaluate_items, load_items
from consumers.datasets import QUADCLASS, data_dir, newsmtsc_dev_files, require
from consumers.settings import NlpSettings, Settings
from schemas import RawArticle

if TYPE_CHECKING:
    from consumers.nlp.pipeline import NlpAnnotator

REPO = Path(__file__).resolve().parents[3]
SEEDS = REPO / "seeds"
PUBLISHED_BEST = {"dev_rw": "best published: 83.1 (test_rw)"}


def seed_articles(count: int, languages: frozenset[str], seeds: Path = SEEDS) -> list[RawArticle]:
    """``count`` articles cycled from the valid seed files (each under an id of its own)."""
    valid: list[RawArticle] = []
    for path in sorted(seeds.glob("*.json")):
        try:
            article = RawArticle.model_validate_json(path.read_bytes())
        except ValidationError:
            continue
        if (article.language or "en") in languages:
            valid.append(article)
    return [valid[i % len(valid)].model_copy(update={"id": f"eval-{i:04d}"}) for i in range(count)] if valid else []


def run_eval(
    settings: Settings,
    newsmtsc: Sequence[Path] | None = None,
    quadclass: Path | None = None,
    actor_set: Path = DEFAULT_SET,
    events: Sequence[Path] = DEFAULT_EVENT_FILES,
    articles: int = 32,
    console: Console | None = None,
    data: Path | None = None,
) -> Table:
    """Compute every figure and print one table; returns the table (for tests).

    ``newsmtsc`` and ``quadclass`` default to the files in the data directory
    (``data``, else ``settings.data_dir``, see ``consumers.datasets``). Raises
    ``consumers.errors.MissingData`` before loading anything when a file is missing.
    """
    from consumers.nlp.pipeline import NlpAnnotator, build_annotator

    root = data_dir(data or settings.data_dir)
    newsmtsc, quadclass = newsmtsc or newsmtsc_dev_files(root), quadclass or root / QUADCLASS
    require([*newsmtsc, quadclass, actor_set, *events])

    console = console or Console(width=max(Console().width, 132))  # one line per row, also when piped
    two_cores = settings.model_copy(update={"nlp": NlpSettings(**{**settings.nlp.model_dump(), "torch_threads": 2})})
    annotator = build_annotator(two_cores)
    if not isinstance(annotator, NlpAnnotator):
        raise TypeError(f"eval needs the full NLP annotator, got {type(annotator).__name__}")
    table = Table("measure", "data", "n", "score", "reference", title=f"stancewire eval ({annotator.versions.stance})")
    _stance_rows(table, annotator, newsmtsc, quadclass)
    _actor_target_rows(table, annotator, actor_set)
    _event_rows(table, annotator, events)
    sample = seed_articles(articles, settings.nlp.languages)
    if sample:
        speed = articles_per_second(annotator, sample, settings.worker.batch_size)
        table.add_row("annotation speed (articles/s, 2 threads)", "seed articles", str(len(sample)), f"{speed:.2f}", "")
    console.print(table)
    return table


def _stance_rows(table: Table, annotator: "NlpAnnotator", newsmtsc: Sequence[Path], quadclass: Path) -> None:
    """Target stance per NewsMTSC file, and the quad class on its held-out sentences."""
    for path in newsmtsc:
        score = newsmtsc_score(path, annotator.target_scorer)
        table.add_row(
            "target stance macro-F1 / acc.",
            score.name,
            str(score.items),
            f"{100 * (score.macro_f1 or 0):.1f} / {100 * score.accuracy:.1f}",
            PUBLISHED_BEST.get(score.name, ""),
        )
    quad = quadclass_score(quadclass, annotator.encoder, annotator.quad_head)
    table.add_row("quad class accuracy (5 classes)", quad.name, str(quad.items), f"{100 * quad.accuracy:.1f}", "")


def _actor_target_rows(table: Table, annotator: "NlpAnnotator", actor_set: Path) -> None:
    """Actor -> target precision, recall and accuracy per split, beside the co-occurrence baseline."""
    for split, (ours, base) in evaluate_passages(load_passages(actor_set), annotator.annotate).items():
        table.add_row(
            "actor→target P / R / acc.",
            f"{actor_set.stem} ({split})",
            str(ours.annotated),
            f"{100 * ours.precision:.0f} / {100 * ours.recall:.0f} / {100 * ours.accuracy:.0f}",
            f"co-occurrence baseline: {100 * base.precision:.0f} / {100 * base.recall:.0f} / {100 * base.accuracy:.0f}",
        )


def _event_rows(table: Table, annotator: "NlpAnnotator", events: Sequence[Path]) -> None:
    """Event coding per file: dyads, event types and sectors, beside two baselines."""
    for path in events:
        coded, cooccurring, first_two = evaluate_items(load_items(path), annotator.annotate)
        table.add_row(
            "events: dyad R / P, event type acc.",
            f"events/{path.name}",
            str(coded.coded),
            f"{100 * coded.recall:.0f} / {100 * coded.precision:.0f}, {100 * coded.event_accuracy:.0f}",
            f"co-occurrence: {100 * cooccurring.recall:.0f} / {100 * cooccurring.precision:.0f}; "
            f"first two: {100 * first_two.recall:.0f} / {100 * first_two.precision:.0f}",
        )
        table.add_row(
            "events: type acc. over all coded, sector acc.",
            f"events/{path.name}",
            str(coded.coded),
            f"{100 * coded.event_accuracy_all:.0f}, {100 * coded.sector_accuracy:.0f}",
            "",
        )
