"""The actor -> target scoring on small hand-made fixtures (no models loaded)."""

import json
from pathlib import Path

from consumers.commands.evaluation.actor_target import (
    DEFAULT_SET,
    Passage,
    cooccurrence_pairs,
    evaluate_passages,
    load_passages,
    score_pairs,
)
from consumers.nlp.annotator import Annotation
from schemas import Entity, EntityType, Evidence, Mention, RawArticle, StanceRelation


def _entity(entity_id: str, text: str, start: int, kind: EntityType = EntityType.GPE) -> Entity:
    mention = Mention(text=text, field="body", start=start, end=start + len(text))
    return Entity(id=entity_id, name=text, type=kind, mentions=[mention])


def _relation(source: str, target: str, stance: str) -> StanceRelation:
    evidence = Evidence(text="x", field="body", start=0, end=1)
    return StanceRelation(
        source=source,
        source_name=source,
        target=target,
        target_name=target,
        stance=stance,  # type: ignore[arg-type]
        confidence=0.9,
        evidence=evidence,
    )


def test_scores_pool_precision_recall_and_accuracy() -> None:
    gold = {("a", "b"): "hostile", ("b", "a"): "cooperative", ("a", "c"): "neutral"}
    predicted = {("a", "b"): "hostile", ("b", "a"): "hostile", ("c", "a"): "cooperative"}
    scores = score_pairs([(gold, predicted)])
    assert scores.predicted == 3 and scores.annotated == 3
    assert scores.precision == 1 / 3  # only a->b hostile is right
    assert scores.recall == 1 / 2  # a->b found, b->a wrong
    assert scores.accuracy == 2 / 3  # a->b right, a->c absent counts as neutral


def test_cooccurrence_baseline_pairs_actors_within_a_sentence() -> None:
    text = "Chile met Peru. Bolivia stayed home."
    annotation = Annotation(
        entities=[
            _entity("country:CHL", "Chile", 0),
            _entity("country:PER", "Peru", 10),
            _entity("country:BOL", "Bolivia", 16),
            _entity("event:x", "Peru", 10, EntityType.EVENT),
        ],
        stances=[],
    )
    assert cooccurrence_pairs(text, annotation) == {
        ("country:CHL", "country:PER"): "hostile",
        ("country:PER", "country:CHL"): "hostile",
    }


def test_evaluate_passages_reports_each_split(tmp_path: Path) -> None:
    rows = [
        {
            "id": "p1",
            "split": "dev",
            "text": "Chile thanked Peru.",
            "relations": [["country:CHL", "country:PER", "cooperative"]],
        },
        {
            "id": "p2",
            "split": "test",
            "text": "Peru slammed Chile.",
            "relations": [["country:PER", "country:CHL", "hostile"]],
        },
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    passages = load_passages(path)
    assert [p.split for p in passages] == ["dev", "test"]

    def annotate(articles: list[RawArticle]) -> list[Annotation | Exception]:
        first = Annotation(entities=[], stances=[_relation("country:CHL", "country:PER", "cooperative")])
        return [first, RuntimeError("boom")]

    result = evaluate_passages(passages, annotate)
    assert set(result) == {"all", "dev", "test"}
    assert result["dev"][0].recall == 1.0
    assert result["test"][0].recall == 0.0  # a failed passage counts as finding nothing
    assert result["all"][0].precision == 1.0


def test_shipped_set_is_well_formed() -> None:
    passages = load_passages(DEFAULT_SET)
    assert 60 <= len(passages) <= 120
    assert {p.split for p in passages} == {"dev", "test"}
    assert len({p.id for p in passages}) == len(passages)
    for passage in passages:
        assert isinstance(passage, Passage) and passage.gold
        for (source, target), stance in passage.gold.items():
            assert source != target and stance in ("cooperative", "hostile", "neutral")
            assert ":" in source and ":" in target
