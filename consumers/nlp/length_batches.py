"""Batching by length: texts of similar length share a batch, so little of each forward is padding.

The torch and the ONNX Runtime models batch the same way, which keeps their
outputs comparable item by item (padding changes nothing but the cost).
"""

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

Rows = npt.NDArray[np.float32]


def batches(order: Sequence[int], size: int) -> list[list[int]]:
    """Consecutive slices of ``order``."""
    return [list(order[i : i + size]) for i in range(0, len(order), size)]


def length_sorted(texts: Sequence[str], size: int) -> list[list[int]]:
    """Indices of ``texts`` sorted by length (characters, a cheap proxy for tokens), in slices of ``size``."""
    return batches(sorted(range(len(texts)), key=lambda i: len(texts[i])), size)


def by_length(texts: Sequence[str], size: int, width: int, run: Callable[[list[int]], Rows]) -> Rows:
    """``run`` over length-sorted batches of indices; its rows (``width`` wide) come back in input order."""
    out = np.zeros((len(texts), width), dtype=np.float32)
    for idx in length_sorted(texts, size):
        out[idx] = run(idx)
    return out
