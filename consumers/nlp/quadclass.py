"""The quad-class head: sentence embedding -> irrelevant / verbal|material conflict / cooperation.

A multinomial logistic regression on frozen encoder embeddings, stored as a
few-KB ``.npz`` so it ships in the package and is replaced by retraining
(``python -m consumers.nlp.training.train_quadclass``) without touching the code.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt

from schemas import QuadClass

QUAD_LABELS = ("irrelevant", "verbal_conflict", "material_conflict", "verbal_cooperation", "material_cooperation")
DEFAULT_HEAD_PATH = Path(__file__).with_name("models") / "quadclass_head.npz"
HEAD_VERSION = "minilm-quadclass-head:1"

Valence = Literal["cooperative", "hostile", "neutral"]
FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class ValenceScore:
    """Probability mass of the three stance labels for one sentence."""

    cooperative: float
    hostile: float
    neutral: float

    @property
    def label(self) -> Valence:
        """The most probable label (ties resolved toward neutral, then hostile)."""
        best: Valence = "neutral"
        value = self.neutral
        for name, prob in (("hostile", self.hostile), ("cooperative", self.cooperative)):
            if prob > value:
                best, value = name, prob  # type: ignore[assignment]
        return best


class QuadClassHead:
    """Linear softmax head over sentence embeddings."""

    def __init__(self, weights: FloatArray, bias: FloatArray) -> None:
        """Wrap trained parameters: ``weights`` is (dim, 5), ``bias`` is (5,)."""
        if weights.ndim != 2 or weights.shape[1] != len(QUAD_LABELS) or bias.shape != (len(QUAD_LABELS),):
            raise ValueError(f"quadclass head has shape {weights.shape}/{bias.shape}, expected (dim, 5)/(5,)")
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)

    @classmethod
    def load(cls, path: Path = DEFAULT_HEAD_PATH) -> "QuadClassHead":
        """Read the head written by the training script."""
        with np.load(path) as data:
            return cls(data["weights"], data["bias"])

    def save(self, path: Path) -> None:
        """Write the head as an uncompressed ``.npz`` (deterministic bytes for the same weights)."""
        np.savez(path, weights=self.weights, bias=self.bias)

    def probabilities(self, embeddings: FloatArray) -> FloatArray:
        """Softmax over the five quad classes, one row per embedding."""
        logits = embeddings @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        result: FloatArray = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
        return result

    def valence(self, embeddings: FloatArray) -> list[ValenceScore]:
        """Collapse quad classes to stance: conflict (1, 2) hostile, cooperation (3, 4) cooperative."""
        return [valence_of(p) for p in self.probabilities(embeddings)]


def valence_of(probs: FloatArray) -> ValenceScore:
    """One sentence's five class probabilities collapsed to the three stance labels."""
    return ValenceScore(
        cooperative=float(probs[3] + probs[4]), hostile=float(probs[1] + probs[2]), neutral=float(probs[0])
    )


def quad_class_for(probs: FloatArray, stance: Valence) -> QuadClass:
    """The quad class consistent with a relation's stance: the likelier of its verbal and material kinds.

    A hostile relation is a verbal or material conflict, whichever the sentence
    head finds more probable; a neutral one has no quad class beyond "neutral".
    """
    if stance == "hostile":
        return "verbal_conflict" if probs[1] >= probs[2] else "material_conflict"
    if stance == "cooperative":
        return "verbal_cooperation" if probs[3] >= probs[4] else "material_cooperation"
    return "neutral"
