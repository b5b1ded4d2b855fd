"""Small lookups over an Annotation, shared by the tests."""

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
