"""Reading NewsMTSC files (one sentence per line, one or more labelled targets each).

Shared by training and ``stancewire eval`` so both read the format the same
way: polarity 2.0 negative, 4.0 neutral, 6.0 positive; ``to`` is exclusive.
"""

import json
from pathlib import Path

from consumers.datasets import DEFAULT_DATA_DIR, NEWSMTSC
from consumers.nlp.target_items import TargetItem

POLARITY = {2.0: 0, 4.0: 1, 6.0: 2}  # index into target_stance.TSC_LABELS
DEFAULT_DIR = DEFAULT_DATA_DIR / NEWSMTSC  # STANCEWIRE_DATA_DIR is read by ``consumers.datasets.data_dir``


def read_newsmtsc(path: Path) -> tuple[list[TargetItem], list[int]]:
    """Every (sentence, target) with its label index; targets whose span does not match are skipped."""
    items: list[TargetItem] = []
    labels: list[int] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            sentence = str(row["sentence_normalized"])
            for target in row["targets"]:
                start, end = int(target["from"]), int(target["to"])
                label = POLARITY.get(float(target["polarity"]))
                if label is None or not 0 <= start < end <= len(sentence):
                    continue
                items.append(TargetItem(sentence, start, end))
                labels.append(label)
    return items, labels
