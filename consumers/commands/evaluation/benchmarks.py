"""Scores of the shipped models on labelled data, and the pipeline's speed.

Target-dependent stance: macro-F1 and accuracy on any NewsMTSC-format file
(the dev splits by default; the test splits are kept elsewhere). Quad class:
accuracy on the 15% of the UN sentences the shipped head never saw (seeded,
stratified, the same split the trainer uses); any other file in that format
is scored whole. Speed: articles per second through the full annotator.
"""

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from consumers.datasets import QUADCLASS
from consumers.nlp.annotator import Annotator
from consumers.nlp.embeddings import Encoder
from consumers.nlp.metrics import accuracy, macro_f1
from consumers.nlp.newsmtsc import read_newsmtsc
from consumers.nlp.quadclass import QuadClassHead
from consumers.nlp.quadclass_data import HOLDOUT, SEED, read_tsv, stratified_split
from consumers.nlp.target_items import TSC_LABELS, TargetScorer
from schemas import RawArticle


@dataclass(frozen=True, slots=True)
class SplitScore:
    """Scores of one classifier on one file."""

    name: str
    items: int
    accuracy: float
    macro_f1: float | None = None


def newsmtsc_score(path: Path, scorer: TargetScorer) -> SplitScore:
    """Macro-F1 and accuracy of target-dependent stance on one NewsMTSC file."""
    items, gold = read_newsmtsc(path)
    predicted = scorer.probabilities(items).argmax(axis=1).tolist() if items else []
    return SplitScore(path.stem, len(items), accuracy(gold, predicted), macro_f1(gold, predicted, len(TSC_LABELS)))


def quadclass_score(path: Path, encoder: Encoder, head: QuadClassHead) -> SplitScore:
    """5-class accuracy: on the held-out split for the training file (by name, wherever the data lives), else all."""
    texts, labels = read_tsv(path)
    if path.name == QUADCLASS.name:
        _, held = stratified_split(labels, HOLDOUT, SEED)
        texts, labels = [texts[i] for i in held], labels[held]
        name = f"{path.stem} (held-out {HOLDOUT:.0%})"
    else:
        name = path.stem
    predicted = head.probabilities(encoder.encode(texts)).argmax(axis=1).tolist() if texts else []
    return SplitScore(name, len(texts), accuracy(labels.tolist(), predicted))


def articles_per_second(annotator: Annotator, articles: Sequence[RawArticle], batch_size: int = 16) -> float:
    """Throughput of ``annotate`` in batches, after one warm-up call (lazy initialisation is not timed)."""
    annotator.annotate(list(articles[:2]))
    started = time.perf_counter()
    for begin in range(0, len(articles), batch_size):
        annotator.annotate(list(articles[begin : begin + batch_size]))
    return len(articles) / (time.perf_counter() - started)
