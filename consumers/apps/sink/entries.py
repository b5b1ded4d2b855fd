"""Fetched records → entries: the table row each becomes, or why it cannot become one (a dead letter)."""

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from consumers.apps.sink.rows import Row, alert_row, article_row, stance_row
from consumers.core import Received
from schemas import Alert, EnrichedArticle, StanceEvent, decode

Kind = Literal["enriched", "stance", "alerts"]
EventTable = Literal["articles", "stance_events", "alerts"]
_MODELS = {"enriched": "EnrichedArticle", "stance": "StanceEvent", "alerts": "Alert"}


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record was read, and its bytes (kept whole for the dead-letter table)."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None


@dataclass(frozen=True, slots=True)
class Entry:
    """One record on its way to the database: a row of ``table``, or ``error`` saying why there is none."""

    source: Source
    table: EventTable | None = None
    row: Row | None = None
    error: str | None = None


def entry_of(record: Received, kind: Kind) -> Entry:
    """Decode one record of the ``enriched``, ``stance`` or ``alerts`` topic into its entry."""
    source = Source(record.topic, record.partition, record.offset, record.key, record.value)
    value: Any = record.value  # None (a tombstone) fails to decode, a dead letter like any bad value
    timestamp_ms = record.timestamp_ms or 0  # Kafka stamps every record; only a file's lines have none
    try:
        if kind == "enriched":
            return Entry(source, "articles", article_row(decode(EnrichedArticle, value)))
        if kind == "alerts":
            return Entry(source, "alerts", alert_row(decode(Alert, value), timestamp_ms))
        return Entry(source, "stance_events", stance_row(decode(StanceEvent, value), timestamp_ms))
    except (ValueError, TypeError, OverflowError, ValidationError) as error:
        reason = " ".join(str(error).split())[:1000]
        return Entry(source, error=f"not a {_MODELS[kind]}: {reason}")
