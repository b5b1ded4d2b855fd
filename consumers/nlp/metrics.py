"""Classification scores used by training and evaluation (no scikit-learn needed for three numbers)."""

from collections.abc import Sequence


def accuracy(gold: Sequence[int], predicted: Sequence[int]) -> float:
    """Share of exact matches; 0 for no items."""
    if not gold:
        return 0.0
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


def macro_f1(gold: Sequence[int], predicted: Sequence[int], classes: int) -> float:
    """Unweighted mean of per-class F1 (a class absent from both gold and predictions scores 0)."""
    scores: list[float] = []
    for cls in range(classes):
        tp = sum(g == cls and p == cls for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != cls and p == cls for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == cls and p != cls for g, p in zip(gold, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / classes


def share(part: float, whole: float) -> float:
    """``part / whole``; 0 where there is nothing to count (no items, no predictions)."""
    return part / whole if whole else 0.0
