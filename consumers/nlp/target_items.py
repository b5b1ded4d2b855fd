"""Target-dependent stance questions and answers, whatever model scores them (torch, ONNX Runtime, NLI).

Kept apart from the torch model so that the ONNX Runtime path, which needs
no torch, imports nothing of it.
"""

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

from consumers.nlp.length_batches import by_length

TSC_LABELS = ("negative", "neutral", "positive")
DEFAULT_TSC_PATH = Path(__file__).with_name("models") / "target_stance.safetensors"
DEFAULT_VERSION = "minilm-tsc-lora"
MAX_LENGTH = 128


@dataclass(frozen=True, slots=True)
class TargetItem:
    """One (sentence, target) question: ``sentence[start:end]`` is the target's mention."""

    sentence: str
    start: int
    end: int

    @property
    def mention(self) -> str:
        """The marked mention."""
        return self.sentence[self.start : self.end]


@dataclass(frozen=True, slots=True)
class TargetScore:
    """How one sentence treats one target: probabilities of negative, neutral and positive."""

    negative: float
    neutral: float
    positive: float

    @classmethod
    def of(cls, row: npt.NDArray[np.float32]) -> "TargetScore":
        """From one row of ``probabilities`` (label order ``TSC_LABELS``)."""
        return cls(negative=float(row[0]), neutral=float(row[1]), positive=float(row[2]))


UNKNOWN_TARGET = TargetScore(negative=0.0, neutral=1.0, positive=0.0)


class TargetScorer(Protocol):
    """Anything that scores (sentence, target) pairs: the trained model or a zero-shot NLI model."""

    version: str

    def probabilities(self, items: Sequence[TargetItem]) -> npt.NDArray[np.float32]:
        """Rows of (negative, neutral, positive) probabilities, one per item, in input order."""
        ...


def marked(item: TargetItem) -> tuple[str, str]:
    """The input pair: the sentence with the target wrapped in ``<< >>``, and the mention."""
    text = f"{item.sentence[: item.start]}<< {item.mention} >>{item.sentence[item.end :]}"
    return text, item.mention


def tokenize_pairs(tokenizer: Any, pairs: Sequence[tuple[str, str]], tensors: Literal["pt", "np"]) -> Any:
    """Model inputs for one batch of ``marked`` pairs: only the sentence is truncated, never the mention."""
    return tokenizer(
        [pair[0] for pair in pairs],
        [pair[1] for pair in pairs],
        padding=True,
        truncation="only_first",
        max_length=MAX_LENGTH,
        return_tensors=tensors,
    )


def score_marked(
    items: Sequence[TargetItem], batch_size: int, score: Callable[[list[tuple[str, str]]], npt.NDArray[np.float32]]
) -> npt.NDArray[np.float32]:
    """``score`` over the items' ``marked`` pairs in length-sorted batches; one row per item, in input order."""
    pairs = [marked(item) for item in items]

    def run(idx: list[int]) -> npt.NDArray[np.float32]:
        return score([pairs[i] for i in idx])

    return by_length([pair[0] for pair in pairs], batch_size, len(TSC_LABELS), run)


def shipped_version(path: Path) -> str:
    """The version the adapters file at ``path`` records (the bare model name where it records none)."""
    return read_metadata(path).get("version", DEFAULT_VERSION)


def read_metadata(path: Path) -> dict[str, str]:
    """The ``__metadata__`` of a safetensors file (version, LoRA rank and alpha) without loading tensors."""
    with open(path, "rb") as handle:  # safetensors header: 8-byte length, then JSON with __metadata__
        length = int.from_bytes(handle.read(8), "little")
        meta: dict[str, str] = json.loads(handle.read(length)).get("__metadata__", {})
    return meta
