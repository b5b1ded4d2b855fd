"""Sentence embeddings from a frozen transformer encoder (mean pooling, L2-normalised).

The stance head and any later head share one encoder forward per batch of
sentences, so the expensive part runs once however many heads read it.
"""

import numpy as np
import torch
from torch import nn
from transformers import AutoModel
from transformers.utils import logging as transformers_logging

from consumers.nlp.embeddings import MAX_LENGTH, BatchedEncoder, Embeddings, default_encoder_path
from consumers.nlp.tokenization import Inputs


def mean_pool(hidden: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    """Mean of the token vectors the mask keeps (padding excluded), one row per input."""
    mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)


class PooledEncoder(nn.Module):
    """Encoder, mean pooling and normalisation as one module, so an exported graph holds all three."""

    def __init__(self, encoder: nn.Module) -> None:
        """``encoder`` is a transformers ``AutoModel``."""
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, **extra: torch.Tensor) -> torch.Tensor:
        """L2-normalised embeddings, one row per input."""
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask, **extra).last_hidden_state
        return nn.functional.normalize(mean_pool(hidden, attention_mask), dim=-1)


class SentenceEncoder(BatchedEncoder):
    """Mean-pooled sentence embeddings on torch; inference only, so it is safe to share across threads."""

    def __init__(
        self,
        name_or_path: str | None = None,
        *,
        threads: int | None = None,
        max_length: int = MAX_LENGTH,
        batch_size: int = 64,
    ) -> None:
        """Load the tokenizer and model once; ``threads`` caps torch's CPU threads."""
        if threads is not None:
            torch.set_num_threads(threads)
        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # worker logs, not terminals
        name = name_or_path or default_encoder_path()
        model = AutoModel.from_pretrained(name)
        super().__init__(name, int(model.config.hidden_size), max_length=max_length, batch_size=batch_size)
        self._model = PooledEncoder(model)
        self._model.eval()

    def _forward(self, inputs: Inputs) -> Embeddings:
        with torch.no_grad():
            tensors = {name: torch.from_numpy(array) for name, array in inputs.items()}
            return self._model(**tensors).numpy().astype(np.float32)  # type: ignore[no-any-return]
