"""The encoder's tokenizer read with ``tokenizers`` alone gives exactly the inputs transformers' tokenizer gives."""

from pathlib import Path

import huggingface_hub.constants
import numpy as np
import pytest
from transformers import AutoTokenizer

from consumers.errors import ConfigurationError
from consumers.nlp.embeddings import MAX_LENGTH, default_encoder_path
from consumers.nlp.target_items import MAX_LENGTH as PAIR_MAX_LENGTH
from consumers.nlp.target_items import TargetItem, marked, tokenize_pairs
from consumers.nlp.tokenization import EncoderTokenizer

LONG = " ".join(["The ministers of both countries met again in Geneva to discuss the ceasefire."] * 20)
SENTENCES = [
    "China and Russia pledged to deepen their military cooperation.",
    "Talks resumed.",
    LONG,  # past the length limit: cut
    "Ünïcödé café — “quotes”, 中国 北京, ｆｕｌｌ width, naïve résumé",
    "",
    "   ",
    "tabs\tand\nnew lines\u00a0and\u200bzero width",
    "https://example.org/a?b=1 costs $4.5bn (about €4.1bn) on 2026-12-02",
]


@pytest.fixture(scope="module")
def transformers_tokenizer() -> object:
    return AutoTokenizer.from_pretrained(default_encoder_path())


def test_sentences_match_transformers(transformers_tokenizer: object) -> None:
    ours = EncoderTokenizer(default_encoder_path(), MAX_LENGTH).sentences(SENTENCES)
    theirs = transformers_tokenizer(  # type: ignore[operator]
        SENTENCES, padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="np"
    )
    assert ours["input_ids"].shape == (len(SENTENCES), MAX_LENGTH)  # the long one is cut, the rest padded to it
    for name, ids in ours.items():
        assert ids.dtype == np.int64
        np.testing.assert_array_equal(ids, theirs[name], err_msg=name)


def test_pairs_cut_only_the_sentence_and_match_transformers(transformers_tokenizer: object) -> None:
    items = [TargetItem(text, 0, text.find(" ")) for text in SENTENCES if " " in text.strip()]
    pairs = [marked(item) for item in items]
    ours = EncoderTokenizer(default_encoder_path(), PAIR_MAX_LENGTH, truncation="only_first").pairs(pairs)
    theirs = tokenize_pairs(transformers_tokenizer, pairs, "np")
    for name, ids in ours.items():
        np.testing.assert_array_equal(ids, theirs[name], err_msg=name)
    long_row = [pair[0] for pair in pairs].index(marked(items[SENTENCES.index(LONG)])[0])
    second = ours["input_ids"][long_row][ours["token_type_ids"][long_row] == 1]
    assert len(second) > 1  # the mention (and its [SEP]) survive the cut


def test_an_encoder_without_a_fast_tokenizer_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match=r"tokenizer\.json"):
        EncoderTokenizer(str(tmp_path), MAX_LENGTH)


def test_an_encoder_named_by_hub_id_is_read_from_the_hub_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "hub"
    snapshot = cache / "models--example--encoder" / "snapshots" / "0123abcd"
    snapshot.mkdir(parents=True)
    (snapshot / "tokenizer.json").write_bytes((Path(default_encoder_path()) / "tokenizer.json").read_bytes())
    (cache / "models--example--encoder" / "refs").mkdir()
    (cache / "models--example--encoder" / "refs" / "main").write_text("0123abcd")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(cache))  # read per call, not the env
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    ours = EncoderTokenizer("example/encoder", MAX_LENGTH).sentences(SENTENCES[:2])
    theirs = EncoderTokenizer(default_encoder_path(), MAX_LENGTH).sentences(SENTENCES[:2])
    np.testing.assert_array_equal(ours["input_ids"], theirs["input_ids"])


def test_no_sentences_make_empty_inputs() -> None:
    assert EncoderTokenizer(default_encoder_path(), MAX_LENGTH).sentences([])["input_ids"].shape == (0, 0)
