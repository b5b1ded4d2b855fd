"""The small metric helpers and the NewsMTSC reader."""

import json
from pathlib import Path

import pytest

from consumers.nlp.metrics import accuracy, macro_f1, share
from consumers.nlp.newsmtsc import read_newsmtsc


def test_accuracy_and_macro_f1() -> None:
    gold = [0, 0, 1, 2]
    predicted = [0, 1, 1, 1]
    assert accuracy(gold, predicted) == 0.5
    # class 0: p=1 r=.5 f=2/3; class 1: p=1/3 r=1 f=.5; class 2: 0
    assert macro_f1(gold, predicted, 3) == pytest.approx((2 / 3 + 0.5 + 0) / 3)
    assert accuracy([], []) == 0.0


def test_a_share_of_nothing_is_zero() -> None:
    assert share(3, 4) == 0.75
    assert share(0, 0) == 0.0


def test_newsmtsc_reader_maps_polarity_and_skips_bad_spans(tmp_path: Path) -> None:
    row = {
        "primary_gid": "x",
        "sentence_normalized": "Biden praised Merkel.",
        "targets": [
            {"from": 0, "to": 5, "mention": "Biden", "polarity": 4.0},
            {"from": 14, "to": 20, "mention": "Merkel", "polarity": 6.0},
            {"from": 50, "to": 60, "mention": "nobody", "polarity": 2.0},
        ],
    }
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(row) + "\n\n", encoding="utf-8")
    items, labels = read_newsmtsc(path)
    assert [i.mention for i in items] == ["Biden", "Merkel"]
    assert labels == [1, 2]
