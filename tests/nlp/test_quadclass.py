"""The trained quad-class head ships, loads and separates cooperation from conflict."""

import numpy as np
import pytest

from consumers.nlp.encoder import SentenceEncoder
from consumers.nlp.quadclass import DEFAULT_HEAD_PATH, QuadClassHead, ValenceScore


def test_head_file_is_small_and_loads() -> None:
    assert DEFAULT_HEAD_PATH.stat().st_size < 20_000
    head = QuadClassHead.load()
    assert head.weights.shape == (384, 5)
    assert head.bias.shape == (5,)


def test_probabilities_sum_to_one() -> None:
    head = QuadClassHead.load()
    probs = head.probabilities(np.random.default_rng(0).normal(size=(3, 384)).astype(np.float32))
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)


def test_predicts_direction(annotator: object) -> None:
    encoder = SentenceEncoder(threads=2)
    head = QuadClassHead.load()
    scores = head.valence(
        encoder.encode(
            [
                "The two governments signed an agreement to expand economic cooperation and trade.",
                "The army launched air strikes and shelled the border towns, killing dozens of civilians.",
            ]
        )
    )
    assert scores[0].cooperative > scores[0].hostile
    assert scores[1].label == "hostile"


def test_rejects_wrong_shape() -> None:
    with pytest.raises(ValueError, match="shape"):
        QuadClassHead(np.zeros((384, 3), dtype=np.float32), np.zeros(3, dtype=np.float32))


def test_valence_label_ties_to_neutral() -> None:
    assert ValenceScore(cooperative=0.3, hostile=0.3, neutral=0.4).label == "neutral"
    assert ValenceScore(cooperative=0.5, hostile=0.2, neutral=0.3).label == "cooperative"
