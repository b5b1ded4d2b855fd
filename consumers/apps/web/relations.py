"""One relation as the page shows it, whether it was read from the sink's tables or from ``stance.events``."""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from schemas import StanceEvent

# Entity id prefixes (``country:CHN``, ``org:nato``, ``person:sergei-shoigu``) → the map's three colours.
_KIND_OF_PREFIX = {
    "country": "country",
    "gpe": "country",
    "bloc": "country",
    "org": "organisation",
    "group": "organisation",
    "person": "person",
}
_KIND_OF_TYPE = {"GPE": "country", "LOC": "country", "NORP": "country", "ORG": "organisation", "PERSON": "person"}

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Relation:
    """A directed stance relation with its evidence, article and coding."""

    event_id: str
    source: str
    source_name: str
    target: str
    target_name: str
    stance: str
    confidence: float
    time: datetime
    article_id: str
    url: str
    title: str
    outlet: str
    evidence: str
    highlights: tuple[Span, ...] = ()
    event: str | None = None
    sectors: tuple[str, ...] = ()
    source_kind: str = "other"
    target_kind: str = "other"

    def as_json(self) -> dict[str, Any]:
        """The relation for the evidence panel."""
        return {
            "event_id": self.event_id,
            "source": self.source,
            "source_name": self.source_name,
            "target": self.target,
            "target_name": self.target_name,
            "stance": self.stance,
            "confidence": self.confidence,
            "time": self.time.isoformat(),
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "evidence": self.evidence,
            "highlights": [list(span) for span in self.highlights],
            "event": self.event,
            "sectors": list(self.sectors),
        }


def entity_kind(entity_id: str, entity_type: str | None = None) -> str:
    """country, organisation, person or other: from the id's prefix, else the NER type."""
    prefix = entity_id.split(":", 1)[0] if ":" in entity_id else ""
    return _KIND_OF_PREFIX.get(prefix) or _KIND_OF_TYPE.get(entity_type or "", "other")


def name_spans(text: str, names: tuple[str, ...]) -> tuple[Span, ...]:
    """Where the names occur in ``text`` (case-insensitive): the highlight when no mention offsets are known."""
    lowered = text.lower()
    spans: list[Span] = []
    for name in names:
        start = lowered.find(name.lower()) if name else -1
        while start >= 0:
            spans.append((start, start + len(name)))
            start = lowered.find(name.lower(), start + len(name))
    return merge_spans(spans)


def merge_spans(spans: list[Span]) -> tuple[Span, ...]:
    """Sorted, overlapping spans joined: the page marks each character once."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def from_event(event: StanceEvent, timestamp_ms: int) -> Relation:
    """A relation straight from ``stance.events`` (the article's title and outlet come once the sink has it)."""
    when = event.published_at or datetime.fromtimestamp(timestamp_ms / 1000, UTC)
    return Relation(
        event_id=event.event_id,
        source=event.source,
        source_name=event.source_name,
        target=event.target,
        target_name=event.target_name,
        stance=str(event.stance),
        confidence=event.confidence,
        time=when.astimezone(UTC),
        article_id=event.article_id,
        url=event.article_url,
        title="",
        outlet="",
        evidence=event.evidence.text,
        highlights=name_spans(event.evidence.text, (event.source_name, event.target_name)),
        event=str(event.event) if event.event else None,
        sectors=tuple(str(s) for s in (event.source_sector, event.target_sector) if s),
        source_kind=entity_kind(event.source),
        target_kind=entity_kind(event.target),
    )
