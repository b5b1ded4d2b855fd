"""Low-rank adapters (LoRA) for the linear layers of a frozen encoder, while training.

Fine-tuning every weight of MiniLM gives the best scores but ships ~90 MB;
training a rank-r update ``B @ A`` beside each frozen linear layer gets close
while the shipped file stays around a megabyte (``lora_state``). At load time
the update is merged into the base weights once (``consumers.nlp.lora``), so
prediction costs the same as the plain encoder. Kept in-house (a few dozen
lines) rather than pulling in peft and accelerate for one wrapper class.
"""

import math
from collections.abc import Iterable

import torch
from torch import nn

DEFAULT_TARGETS = ("query", "key", "value", "dense")


class LoraLinear(nn.Module):
    """``base(x) + (dropout(x) @ A.T @ B.T) * alpha / r``; ``base`` stays frozen."""

    def __init__(self, base: nn.Linear, rank: int, alpha: float, dropout: float) -> None:
        """Wrap ``base``; ``B`` starts at zero so training starts from the pretrained function."""
        super().__init__()
        self.base = base
        self.base.weight.requires_grad_(False)
        if self.base.bias is not None:
            self.base.bias.requires_grad_(False)
        self.lora_a = nn.Parameter(torch.empty((rank, base.in_features)))
        self.lora_b = nn.Parameter(torch.zeros((base.out_features, rank)))
        nn.init.kaiming_uniform_(self.lora_a, a=math.sqrt(5))
        self.scale = alpha / rank
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """The frozen projection plus the low-rank update."""
        update = self.dropout(x) @ self.lora_a.T @ self.lora_b.T
        result: torch.Tensor = self.base(x) + update * self.scale
        return result


def _targets(model: nn.Module, targets: Iterable[str]) -> list[tuple[nn.Module, str, nn.Linear]]:
    wanted = set(targets)
    found: list[tuple[nn.Module, str, nn.Linear]] = []
    for parent in model.modules():
        for name, child in parent.named_children():
            if isinstance(child, nn.Linear) and name in wanted:
                found.append((parent, name, child))
    return found


def add_lora(
    model: nn.Module, *, rank: int, alpha: float, dropout: float = 0.0, targets: Iterable[str] = DEFAULT_TARGETS
) -> None:
    """Freeze ``model`` and wrap every linear layer whose attribute name is in ``targets``."""
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    for parent, name, linear in _targets(model, targets):
        setattr(parent, name, LoraLinear(linear, rank, alpha, dropout))


def lora_state(model: nn.Module, prefix: str = "") -> dict[str, torch.Tensor]:
    """The adapter tensors only (what ships), keyed by module path."""
    return {
        f"{prefix}{name}": tensor.detach().clone().contiguous()
        for name, tensor in model.named_parameters()
        if name.endswith(("lora_a", "lora_b"))
    }
