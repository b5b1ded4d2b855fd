"""Target-dependent stance: LoRA merge, the shipped model, and the zero-shot NLI path (tiny model, offline)."""

from pathlib import Path

import numpy as np
import pytest
import torch
from transformers import BertForSequenceClassification

from consumers.nlp.lora import merge_lora
from consumers.nlp.nli_stance import NliTargetScorer, entailment_index
from consumers.nlp.pipeline import NlpAnnotator, build_annotator, build_target_scorer
from consumers.nlp.target_items import DEFAULT_TSC_PATH, TargetItem, marked
from consumers.nlp.target_stance import TargetStanceModel
from consumers.nlp.training.lora import add_lora, lora_state
from consumers.settings import Settings
from tests.nlp.conftest import article_from_text
from tests.nlp.helpers import tiny_bert_config

WORDS = "china russia the west warned praised criticised is of to this text about neutral supportive hostile".split()


def test_lora_merge_matches_the_wrapped_model() -> None:
    torch.manual_seed(0)
    plain = torch.nn.Sequential(torch.nn.Linear(6, 4), torch.nn.ReLU(), torch.nn.Linear(4, 3))
    wrapped = torch.nn.Sequential(torch.nn.Linear(6, 4), torch.nn.ReLU(), torch.nn.Linear(4, 3))
    wrapped.load_state_dict(plain.state_dict())
    add_lora(wrapped, rank=2, alpha=4.0, targets=("0", "2"))
    for name, parameter in wrapped.named_parameters():
        if name.endswith("lora_b"):
            torch.nn.init.normal_(parameter)
    assert all(not p.requires_grad for n, p in wrapped.named_parameters() if "lora_" not in n)
    state = lora_state(wrapped)
    assert merge_lora(plain, state, rank=2, alpha=4.0) == 2
    x = torch.randn(5, 6)
    assert torch.allclose(plain(x), wrapped(x), atol=1e-5)


def test_target_is_marked_and_paired() -> None:
    item = TargetItem("Russia warned the West.", 14, 22)
    assert marked(item) == ("Russia warned << the West >>.", "the West")


def test_shipped_model_is_small_and_reads_direction() -> None:
    assert DEFAULT_TSC_PATH.stat().st_size < 3_000_000
    model = TargetStanceModel(threads=2)
    sentences = [
        "Critics accused Smith of lying to voters and covering up the scandal.",
        "Supporters praised Smith as a brave and honest leader.",
    ]
    probs = model.probabilities([TargetItem(s, s.index("Smith"), s.index("Smith") + 5) for s in sentences])
    assert probs.shape == (2, 3)
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert probs[0, 0] > probs[0, 2]  # negative
    assert probs[1, 2] > probs[1, 0]  # positive


@pytest.fixture(scope="module")
def tiny_nli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tiny-nli")
    config = tiny_bert_config(path, WORDS, ["contradiction", "entailment", "neutral"], max_positions=256)
    torch.manual_seed(0)
    BertForSequenceClassification(config).save_pretrained(path)
    return path


def test_nli_backend_scores_targets(tiny_nli: Path) -> None:
    scorer = build_target_scorer("nli", nli_model=str(tiny_nli), threads=1)
    assert isinstance(scorer, NliTargetScorer) and scorer.version.startswith("nli:")
    items = [TargetItem("China praised Russia.", 14, 20), TargetItem("The West warned China.", 0, 8)]
    probs = scorer.probabilities(items)
    assert probs.shape == (2, 3)
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)


def test_nli_backend_runs_in_the_annotator(tiny_nli: Path) -> None:
    settings = Settings(nlp={"torch_threads": 1, "stance_backend": "nli", "nli_model": str(tiny_nli)})
    annotator = build_annotator(settings)
    assert isinstance(annotator, NlpAnnotator)
    assert annotator.versions.stance.startswith("nli:")
    text = "Russia and China\nRussian Defense Minister Sergei Shoigu warned the West on Monday. China praised Russia."
    result = annotator.annotate([article_from_text(text)])[0]
    assert not isinstance(result, Exception)
    assert {"country:RUS", "country:CHN"} <= {e.id for e in result.entities}


def test_nli_needs_an_entailment_label_and_a_model() -> None:
    assert entailment_index({"ENTAILMENT": 0, "NEUTRAL": 1}) == 0
    with pytest.raises(ValueError, match="entailment"):
        entailment_index({"LABEL_0": 0, "LABEL_1": 1})
    with pytest.raises(ValueError, match="nli_model"):
        build_target_scorer("nli", nli_model=None)
