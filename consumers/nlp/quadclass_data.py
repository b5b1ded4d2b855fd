"""Reading the UN quad-class sentences, and the held-out split that training and ``stancewire eval`` share.

The trainer fits the shipped head on the training side of the split and eval
scores it on the held-out side, so both must read the file and cut the split
the same way (same fraction, same seed).
"""

import csv
from pathlib import Path

import numpy as np

SEED = 13
HOLDOUT = 0.15


def read_tsv(path: Path) -> tuple[list[str], np.ndarray]:
    """Sentences and labels 0..4; rows labelled -1 (several classes) are skipped."""
    texts: list[str] = []
    labels: list[int] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) < 2 or not row[1].strip().lstrip("-").isdigit():
                continue
            label = int(row[1])
            if 0 <= label <= 4 and row[0].strip():
                texts.append(row[0].strip())
                labels.append(label)
    return texts, np.asarray(labels, dtype=np.int64)


def stratified_split(labels: np.ndarray, fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Train and held-out indices with the same class mix."""
    rng = np.random.default_rng(seed)
    train: list[int] = []
    held: list[int] = []
    for cls in np.unique(labels):
        idx = np.flatnonzero(labels == cls)
        rng.shuffle(idx)
        cut = round(len(idx) * fraction)
        held.extend(idx[:cut].tolist())
        train.extend(idx[cut:].tolist())
    return np.asarray(sorted(train)), np.asarray(sorted(held))
