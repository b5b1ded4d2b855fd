"""What the page needs from a stored article's document: event coding, sectors and highlight spans."""

from dataclasses import dataclass, field
from typing import Any

import orjson

from consumers.apps.web.relations import Span, entity_kind, merge_spans, name_spans

PairKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Coding:
    """A relation's PLOVER event type, sectors and the mentions of its two sides in the evidence sentence."""

    event: str | None
    sectors: tuple[str, ...]
    highlights: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class ArticleDetails:
    """Per article: the coding of each (source, target) relation and each entity's kind."""

    codings: dict[PairKey, Coding] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)


def parse_document(document: object) -> ArticleDetails:
    """``articles.document`` (JSON text in SQLite, a dict from PostgreSQL's JSONB) → the details."""
    data: dict[str, Any] = orjson.loads(document) if isinstance(document, str | bytes) else dict(document or {})  # type: ignore[call-overload]
    entities = {entity["id"]: entity for entity in data.get("entities", [])}
    codings = {}
    for stance in data.get("stances", []):
        evidence = stance.get("evidence", {})
        spans = _mention_spans(evidence, entities, stance)
        codings[(stance["source"], stance["target"])] = Coding(
            event=stance.get("event"),
            sectors=tuple(s for s in (stance.get("source_sector"), stance.get("target_sector")) if s),
            highlights=merge_spans(spans),
        )
    kinds = {entity_id: entity_kind(entity_id, entity.get("type")) for entity_id, entity in entities.items()}
    return ArticleDetails(codings, kinds)


def _mention_spans(evidence: dict[str, Any], entities: dict[str, Any], stance: dict[str, Any]) -> list[Span]:
    """Each side's mentions inside the evidence sentence (relative to it), else where its name occurs there."""
    start, end, text = int(evidence.get("start", 0)), int(evidence.get("end", 0)), str(evidence.get("text", ""))
    spans: list[Span] = []
    for side in ("source", "target"):
        found = [
            (mention["start"] - start, mention["end"] - start)
            for mention in entities.get(stance[side], {}).get("mentions", [])
            if mention.get("field") == evidence.get("field")
            and start <= mention["start"] < mention["end"] <= end
            and text[mention["start"] - start : mention["end"] - start] == mention.get("text")
        ]
        spans += found or list(name_spans(text, (str(stance.get(f"{side}_name", "")),)))
    return spans
