"""Events → table rows (plain tuples in the schema's column order), independent of the database.

Every string is made storable first (``consumers.apps.sink.text``), and a
timestamp without a zone is read as UTC, never as the host's local time.
"""

from datetime import UTC, datetime

import orjson

from consumers.apps.sink.schema import ALERT_COLUMNS, ARTICLE_COLUMNS, STANCE_COLUMNS
from consumers.apps.sink.text import storable_value
from schemas import Alert, EnrichedArticle, StanceEvent, encode

Row = tuple[object, ...]


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; naive means UTC. Raises OverflowError past year 9999 (a row to dead-letter)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def event_time(published_at: datetime | None, record_timestamp_ms: int) -> datetime:
    """When a relation was stated: the article's publication time, else when its event reached Kafka."""
    if published_at is not None:
        return as_utc(published_at)
    return datetime.fromtimestamp(record_timestamp_ms / 1000, UTC)


def _row(values: dict[str, object], columns: tuple[str, ...]) -> Row:
    return tuple(storable_value(values[column]) for column in columns)


def article_row(article: EnrichedArticle) -> Row:
    """One ``articles`` row; ``document`` is the whole event as JSON."""
    values = {
        "event_id": article.event_id,
        "article_id": article.id,
        "enrichment_version": article.versions.enrichment,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "published_at": as_utc(article.published_at) if article.published_at else None,
        "document": orjson.loads(encode(article)),
    }
    return _row(values, ARTICLE_COLUMNS)


def alert_row(alert: Alert, record_timestamp_ms: int) -> Row:
    """One ``alerts`` row; ``published_at`` is when the alert reached Kafka."""
    values = {
        "event_id": alert.event_id,
        "rule_id": alert.rule_id,
        "severity": str(alert.severity),
        "summary": alert.summary,
        "entities": alert.entities,
        "published_at": datetime.fromtimestamp(record_timestamp_ms / 1000, UTC),
        "document": orjson.loads(encode(alert)),
    }
    return _row(values, ALERT_COLUMNS)


def stance_row(event: StanceEvent, record_timestamp_ms: int) -> Row:
    """One ``stance_events`` row, with the unordered pair for "between X and Y" queries."""
    low, high = sorted((event.source, event.target))
    values = {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "enrichment_version": event.enrichment_version,
        "source": event.source,
        "source_name": event.source_name,
        "target": event.target,
        "target_name": event.target_name,
        "pair_low": low,
        "pair_high": high,
        "stance": event.stance,
        "confidence": event.confidence,
        "event_time": event_time(event.published_at, record_timestamp_ms),
        "published_at": as_utc(event.published_at) if event.published_at else None,
        "article_url": event.article_url,
        "evidence": event.evidence.text,
        "speaker": event.speaker,
    }
    return _row(values, STANCE_COLUMNS)
