"""Target-dependent stance: how one sentence treats one entity in it (negative / neutral / positive).

The model is the all-MiniLM-L6-v2 encoder with LoRA adapters and a linear
head over [CLS, mean] pooling, trained on NewsMTSC (``training.train_target_stance``).
The input marks the target: the sentence with the mention wrapped in
``<< >>``, paired with the mention itself, so the same sentence can score
differently for each entity in it. The shipped file holds only the adapters
and the head (about a megabyte); the encoder comes from the bundled package.
"""

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import torch
from safetensors.torch import load_file
from torch import nn
from transformers import AutoModel, AutoTokenizer
from transformers.utils import logging as transformers_logging

from consumers.nlp.embeddings import default_encoder_path
from consumers.nlp.encoder import mean_pool
from consumers.nlp.lora import merge_lora
from consumers.nlp.target_items import (
    DEFAULT_TSC_PATH,
    TSC_LABELS,
    TargetItem,
    read_metadata,
    score_marked,
    shipped_version,
    tokenize_pairs,
)


class StanceNet(nn.Module):
    """Encoder plus a linear head over the [CLS] vector and the masked mean of the last layer."""

    def __init__(self, encoder: nn.Module, hidden: int, classes: int = len(TSC_LABELS), dropout: float = 0.1) -> None:
        """``encoder`` is a transformers ``AutoModel`` (adapters already added, or merged)."""
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(2 * hidden, classes)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, **extra: torch.Tensor) -> torch.Tensor:
        """Logits, one row per input."""
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask, **extra).last_hidden_state
        pooled = torch.cat([hidden[:, 0], mean_pool(hidden, attention_mask)], dim=-1)
        logits: torch.Tensor = self.head(self.dropout(pooled))
        return logits


class TargetStanceModel:
    """Inference with the shipped adapters merged into the encoder; thread-safe once loaded."""

    def __init__(
        self,
        path: Path = DEFAULT_TSC_PATH,
        *,
        encoder: str | None = None,
        threads: int | None = None,
        batch_size: int = 32,
    ) -> None:
        """Load the base encoder, merge the adapters from ``path`` and attach the head."""
        if threads is not None:
            torch.set_num_threads(threads)
        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        self.version = shipped_version(path)
        base = encoder or default_encoder_path()
        self._tokenizer = AutoTokenizer.from_pretrained(base)
        self._net = load_stance_net(path, base)
        self._batch_size = batch_size

    def probabilities(self, items: Sequence[TargetItem]) -> npt.NDArray[np.float32]:
        """Softmax over (negative, neutral, positive), one row per item, in input order."""
        return predict(self._net, self._tokenizer, items, self._batch_size)


def load_stance_net(path: Path, encoder: str, *, attention: str | None = None) -> StanceNet:
    """The base encoder with the adapters from ``path`` merged in and the head attached, in eval mode.

    ``attention`` picks the transformers attention implementation (the ONNX
    export wants ``eager``, whose graph runs faster there); default: theirs.
    """
    state = load_file(str(path))
    meta = read_metadata(path)
    model = AutoModel.from_pretrained(encoder, **({"attn_implementation": attention} if attention else {}))
    adapters = {k.removeprefix("encoder."): v for k, v in state.items() if k.startswith("encoder.")}
    merge_lora(model, adapters, rank=int(meta["rank"]), alpha=float(meta["alpha"]))
    net = StanceNet(model, int(model.config.hidden_size))
    net.head.load_state_dict({"weight": state["head.weight"], "bias": state["head.bias"]})
    net.eval()
    return net


def predict(net: nn.Module, tokenizer: object, items: Sequence[TargetItem], batch_size: int) -> npt.NDArray[np.float32]:
    """Run ``net`` over items in length-sorted batches; shared by inference and training-time evaluation."""

    def score(pairs: list[tuple[str, str]]) -> npt.NDArray[np.float32]:
        logits = net(**tokenize_pairs(tokenizer, pairs, "pt"))
        return torch.softmax(logits, dim=-1).numpy().astype(np.float32)

    with torch.no_grad():
        return score_marked(items, batch_size, score)
