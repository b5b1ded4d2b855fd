"""Shipped LoRA adapters merged into a plain encoder's weights, once, at load time.

The adapters are trained beside the frozen linear layers
(``consumers.nlp.training.lora``); merging ``B @ A * alpha / r`` into each
base weight makes prediction cost the same as the plain encoder.
"""

import torch
from torch import nn


def merge_lora(model: nn.Module, state: dict[str, torch.Tensor], *, rank: int, alpha: float) -> int:
    """Add ``B @ A * alpha / r`` from ``state`` into the plain model's weights; returns layers merged.

    Keys are those of ``training.lora.lora_state`` on the wrapped model: ``<path>.lora_a``
    pairs with the base weight at ``<path>.weight`` of the unwrapped model.
    """
    weights = dict(model.named_parameters())
    merged = 0
    with torch.no_grad():
        for key, lora_a in state.items():
            if not key.endswith(".lora_a"):
                continue
            path = key.removesuffix(".lora_a")
            lora_b = state[path + ".lora_b"]
            weight = weights.get(path + ".weight")
            if weight is None:
                raise KeyError(f"adapter {path} has no matching weight in the base model")
            weight.add_((lora_b @ lora_a) * (alpha / rank))
            merged += 1
    return merged
