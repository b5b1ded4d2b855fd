"""The transformers NER path, offline, with a tiny randomly initialised token-classification model."""

from pathlib import Path

import pytest
import torch
from transformers import BertForTokenClassification

from consumers.nlp.mentions import KEPT_LABELS
from consumers.nlp.ner import TransformersNer, build_ner, map_hub_label
from tests.nlp.helpers import tiny_bert_config

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
WORDS = "china russia united states sergei shoigu warned the west on monday . he said that".split()


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tiny-ner")
    config = tiny_bert_config(path, WORDS, LABELS, max_positions=64)
    torch.manual_seed(0)
    model = BertForTokenClassification(config)
    with torch.no_grad():  # make every token an entity so the mapping code runs on something
        model.classifier.bias.copy_(torch.tensor([-5.0, 3, 0, 2, 0, 1, 0, 0, 0]))
    model.save_pretrained(path)
    return path


def test_labels_map_to_ontonotes() -> None:
    assert map_hub_label("B-PER") == "PERSON"
    assert map_hub_label("I-LOC") == "LOC"
    assert map_hub_label("ORG") == "ORG"
    assert map_hub_label("MISC") == "MISC"
    assert map_hub_label("O") is None


def test_transformers_backend_gives_valid_spans_and_parse(tiny_model: Path) -> None:
    ner = build_ner("transformers", spacy_model="en_core_web_sm", ner_model=str(tiny_model), threads=1)
    assert isinstance(ner, TransformersNer)
    assert ner.version.startswith("transformers:")
    texts = ["China and Russia warned the West on Monday. He said that.", "Sergei Shoigu warned the West."]
    parsed = ner.parse(texts)
    assert len(parsed) == 2
    assert any(p.spans for p in parsed)
    for text, result in zip(texts, parsed, strict=True):
        assert result.doc.text == text
        assert len(list(result.doc.sents)) >= 1
        assert all(token.dep_ for token in result.doc)
        for span in result.spans:
            assert 0 <= span.start < span.end <= len(text)
            assert span.label in KEPT_LABELS


def test_transformers_backend_needs_a_model() -> None:
    with pytest.raises(ValueError, match="ner_model"):
        build_ner("transformers", spacy_model="en_core_web_sm", ner_model=None)
