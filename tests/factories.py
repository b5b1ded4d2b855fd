"""Events built by hand, for tests of subscribers (tail, sink, alerts) that need no NLP."""

from datetime import UTC, datetime

from consumers.core import Record
from schemas import (
    EnrichedArticle,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Stance,
    StanceEvent,
    StanceRelation,
    Versions,
    encode,
    make_event_id,
)

NAMES = {
    "country:USA": "United States",
    "country:CHN": "China",
    "country:RUS": "Russia",
    "bloc:west": "the West",
    "country:FRA": "France",
    "country:DEU": "Germany",
}
VERSIONS = Versions(enrichment="1.0.0", ner="test-ner", stance="test-stance")


def relation(source: str, target: str, stance: Stance, text: str = "") -> StanceRelation:
    sentence = text or f"{NAMES[source]} spoke about {NAMES[target]}."
    return StanceRelation(
        source=source,
        source_name=NAMES[source],
        target=target,
        target_name=NAMES[target],
        stance=stance,
        confidence=0.9,
        evidence=Evidence(text=sentence, field="body", start=0, end=len(sentence)),
    )


def stance_event(
    article_id: str,
    source: str,
    target: str,
    stance: Stance,
    published_at: datetime | None = None,
    version: str = VERSIONS.enrichment,
) -> StanceEvent:
    """The event the worker would publish for this relation."""
    found = relation(source, target, stance)
    return StanceEvent(
        event_id=make_event_id("stance", article_id, version, source, target),
        article_id=article_id,
        article_url=f"https://example.org/{article_id}",
        published_at=published_at or datetime(2026, 3, 1, tzinfo=UTC),
        enrichment_version=version,
        **found.model_dump(),
    )


def enriched_article(
    article_id: str, relations: list[StanceRelation], published_at: datetime | None = None
) -> EnrichedArticle:
    """An enriched article naming every entity of its relations."""
    ids = sorted({r.source for r in relations} | {r.target for r in relations})
    entities = [
        Entity(
            id=entity_id,
            name=NAMES[entity_id],
            type=EntityType.GPE,
            mentions=[Mention(text=NAMES[entity_id], field="body", start=0, end=len(NAMES[entity_id]))],
        )
        for entity_id in ids
    ]
    return EnrichedArticle(
        event_id=make_event_id("enriched", article_id, VERSIONS.enrichment),
        id=article_id,
        url=f"https://example.org/{article_id}",
        title=f"Article {article_id}",
        body=" ".join(r.evidence.text for r in relations) or "Nothing.",
        source="test-wire",
        published_at=published_at or datetime(2026, 3, 1, tzinfo=UTC),
        entities=entities,
        stances=relations,
        versions=VERSIONS,
    )


def stance_record(event: StanceEvent) -> Record:
    return Record("stance", event.key.encode(), encode(event))
