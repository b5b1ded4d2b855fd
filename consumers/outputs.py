"""What one raw message turns into: the records for every output topic.

Pure functions, shared by the Kafka worker and the file mode, so both write
exactly the same events.
"""

from dataclasses import dataclass

from consumers.alerts import RuleSet
from consumers.errors import InvalidMessage
from consumers.nlp.annotator import Annotation
from consumers.records import OutRecord, Received
from consumers.settings import TopicSettings
from schemas import (
    Alert,
    DeadLetter,
    EnrichedArticle,
    Provenance,
    RawArticle,
    StanceEvent,
    StanceRelation,
    Versions,
    encode,
    make_event_id,
)
from schemas.topics import ALERTS


@dataclass(frozen=True, slots=True)
class Enrichment:
    """Every event made from one article."""

    article: EnrichedArticle
    stance_events: list[StanceEvent]
    alerts: list[Alert]


def enrich(
    raw: RawArticle, annotation: Annotation, versions: Versions, rules: RuleSet, provenance: Provenance | None = None
) -> Enrichment:
    """Combine an article with its annotation into the events we publish."""
    article = EnrichedArticle(
        event_id=make_event_id("enriched", raw.id, versions.enrichment),
        **raw.model_dump(exclude={"schema_version"}),
        entities=annotation.entities,
        stances=annotation.stances,
        versions=versions,
        provenance=provenance,
    )
    events = [
        StanceEvent(
            event_id=make_event_id("stance", raw.id, versions.enrichment, *_dyad(relation)),
            article_id=raw.id,
            article_url=raw.url,
            published_at=raw.published_at,
            enrichment_version=versions.enrichment,
            **relation.model_dump(),
        )
        for relation in annotation.stances
    ]
    return Enrichment(article, events, rules.evaluate(article))


def _dyad(relation: StanceRelation) -> tuple[str, ...]:
    """What identifies a relation within an article: the pair, and the sectors when both ends are one country."""
    if relation.source != relation.target:
        return (relation.source, relation.target)
    return (relation.source, relation.target, str(relation.source_sector), str(relation.target_sector))


def enrichment_records(enrichment: Enrichment, topics: TopicSettings) -> list[OutRecord]:
    """Kafka records for one article's events, enriched article first."""
    article = enrichment.article
    records = [OutRecord(topics.name("enriched"), article.id.encode(), encode(article))]
    records += [
        OutRecord(topics.name("stance"), event.key.encode(), encode(event)) for event in enrichment.stance_events
    ]
    records += [OutRecord(topics.name("alerts"), ALERTS.key(alert), encode(alert)) for alert in enrichment.alerts]
    return records


def dead_letter(received: Received, error: InvalidMessage, enrichment_version: str, attempts: int = 1) -> DeadLetter:
    """The DeadLetter describing why ``received`` could not be processed."""
    origin = f"{received.topic}/{received.partition}/{received.offset}"
    return DeadLetter(
        event_id=make_event_id("dead-letter", origin, enrichment_version),
        error_class=type(error).__name__,
        reason=error.reason,
        source_topic=received.topic,
        source_partition=received.partition,
        source_offset=received.offset,
        attempts=attempts,
        original_key=received.key,
        original_value=received.value,
    )


def dead_letter_record(letter: DeadLetter, topics: TopicSettings) -> OutRecord:
    """The DLQ record: original key and value untouched, the reason in headers."""
    return OutRecord(topics.name("dlq"), letter.original_key, letter.original_value, letter.headers())
