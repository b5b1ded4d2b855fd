"""Actor -> target accuracy on annotated news passages, beside the co-occurrence baseline.

Each passage lists the directed relations a reader finds in it: (source id,
target id, stance), stance one of cooperative / hostile / neutral, where
"neutral" marks two actors that appear together without a stance between
them. Scores over the passages of one split:

* precision: predicted cooperative/hostile relations that match an annotated
  pair with the same stance, over all predicted cooperative/hostile relations;
* recall: annotated cooperative/hostile pairs predicted with the right stance;
* accuracy: annotated pairs (all three labels) whose predicted label is right,
  a pair the annotator leaves out counting as "neutral".

The baseline labels every ordered pair of actors that share a sentence hostile.
"""

import itertools
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from consumers.nlp.annotator import Annotation
from consumers.nlp.metrics import share
from schemas import EntityType, RawArticle

DEFAULT_SET = Path(__file__).with_name("data") / "actor_target.jsonl"
POLAR = ("cooperative", "hostile")
ACTORS = {EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.NORP}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")

Pairs = dict[tuple[str, str], str]
Annotate = Callable[[list[RawArticle]], list[Annotation | Exception]]


@dataclass(frozen=True, slots=True)
class Passage:
    """One annotated passage."""

    id: str
    split: str
    text: str
    gold: Pairs


@dataclass(frozen=True, slots=True)
class PairScores:
    """Precision, recall and accuracy of one system on one split."""

    precision: float
    recall: float
    accuracy: float
    predicted: int
    annotated: int


def load_passages(path: Path = DEFAULT_SET) -> list[Passage]:
    """Read the JSONL set: ``{"id", "split", "text", "relations": [[source, target, stance], ...]}``."""
    passages: list[Passage] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold = {(str(s), str(t)): str(stance) for s, t, stance in row["relations"]}
            passages.append(Passage(str(row["id"]), str(row["split"]), str(row["text"]), gold))
    return passages


def as_article(passage: Passage) -> RawArticle:
    """A passage as the raw article the annotator reads (no title)."""
    return body_article(passage.id, passage.text)


def body_article(item_id: str, text: str) -> RawArticle:
    """An evaluation text as the raw article the annotator reads: the text is the body, no title."""
    return RawArticle(id=item_id, url=f"https://eval.invalid/{item_id}", title="", body=text, source="eval")


def annotations(articles: list[RawArticle], annotate: Annotate) -> list[Annotation]:
    """One annotation per article; an article the annotator failed on counts as one that found nothing."""
    empty = Annotation(entities=[], stances=[])
    return [result if isinstance(result, Annotation) else empty for result in annotate(articles)]


def predicted_pairs(annotation: Annotation) -> Pairs:
    """The annotator's relations as (source, target) -> stance."""
    return {(r.source, r.target): r.stance for r in annotation.stances}


def cooccurrence_pairs(text: str, annotation: Annotation) -> Pairs:
    """Baseline: every ordered pair of distinct actors mentioned in one sentence, labelled hostile."""
    bounds = [0, *(m.end() for m in SENTENCE_END.finditer(text)), len(text) + 1]
    pairs: Pairs = {}
    for begin, end in itertools.pairwise(bounds):
        present = sorted(
            {
                e.id
                for e in annotation.entities
                if e.type in ACTORS and any(m.field == "body" and begin <= m.start < end for m in e.mentions)
            }
        )
        pairs.update({(a, b): "hostile" for a in present for b in present if a != b})
    return pairs


def score_pairs(items: Iterable[tuple[Pairs, Pairs]]) -> PairScores:
    """Pool (gold, predicted) over passages into precision, recall and accuracy."""
    predicted_polar = correct_polar = gold_polar = found_polar = gold_all = right_all = 0
    for gold, predicted in items:
        for pair, stance in predicted.items():
            if stance in POLAR:
                predicted_polar += 1
                correct_polar += gold.get(pair) == stance
        for pair, stance in gold.items():
            guess = predicted.get(pair, "neutral")
            gold_all += 1
            right_all += guess == stance
            if stance in POLAR:
                gold_polar += 1
                found_polar += guess == stance
    return PairScores(
        precision=share(correct_polar, predicted_polar),
        recall=share(found_polar, gold_polar),
        accuracy=share(right_all, gold_all),
        predicted=predicted_polar,
        annotated=gold_all,
    )


def evaluate_passages(passages: Sequence[Passage], annotate: Annotate) -> dict[str, tuple[PairScores, PairScores]]:
    """Split name ("dev", "test", "all") -> (annotator scores, baseline scores)."""
    rows: dict[str, list[tuple[Passage, Annotation]]] = {"all": []}
    for passage, annotation in zip(passages, annotations([as_article(p) for p in passages], annotate), strict=True):
        rows.setdefault(passage.split, []).append((passage, annotation))
        rows["all"].append((passage, annotation))
    return {
        split: (
            score_pairs((p.gold, predicted_pairs(a)) for p, a in items),
            score_pairs((p.gold, cooccurrence_pairs(p.text, a)) for p, a in items),
        )
        for split, items in rows.items()
    }
