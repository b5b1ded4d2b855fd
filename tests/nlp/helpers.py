"""Small lookups over an Annotation, shared by the tests."""

from pathlib import Path

from transformers import BertConfig, BertTokenizerFast

from consumers.nlp.annotator import Annotation
from schemas import Entity, StanceRelation


def entity(annotation: Annotation, entity_id: str) -> Entity:
    matches = [e for e in annotation.entities if e.id == entity_id]
    assert len(matches) == 1, f"{entity_id}: {[e.id for e in annotation.entities]}"
    return matches[0]


def relation(annotation: Annotation, source: str, target: str) -> StanceRelation | None:
    found = [s for s in annotation.stances if s.source == source and s.target == target]
    assert len(found) <= 1
    return found[0] if found else None


def pairs(annotation: Annotation) -> dict[tuple[str, str], str]:
    return {(s.source, s.target): s.stance for s in annotation.stances}


def tiny_bert_config(path: Path, words: list[str], labels: list[str], max_positions: int) -> BertConfig:
    """Write a WordPiece vocabulary and tokenizer for ``words`` into ``path``; the config of a tiny BERT over it."""
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    BertTokenizerFast(vocab_file=str(path / "vocab.txt"), do_lower_case=True).save_pretrained(path)
    return BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=max_positions,
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )
