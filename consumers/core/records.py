"""The records to publish for each outcome: topic kind, key, value bytes and headers (``schemas.topics``)."""

from dataclasses import dataclass, field

from consumers.core.enrichment import MAX_RECORD_BYTES, RECORD_OVERHEAD_BYTES, Enrichment, Outcome, dead_letter
from consumers.core.received import Received
from consumers.errors import InvalidMessage
from schemas import DeadLetter, encode
from schemas.dead_letter import HEADER_PREFIX
from schemas.topics import ALERTS, DEAD_LETTERS, ENRICHED, STANCE, TopicKind

ORIGINAL_OMITTED = HEADER_PREFIX + "original-omitted"


@dataclass(frozen=True, slots=True)
class Record:
    """One record to publish; settings turn its kind into a topic name."""

    kind: TopicKind
    key: bytes | None
    value: bytes | None
    headers: list[tuple[str, bytes]] = field(default_factory=list)


def enrichment_records(enrichment: Enrichment) -> list[Record]:
    """One article's records: the enriched article first, then its stance events and alerts."""
    article = enrichment.article
    records = [Record("enriched", ENRICHED.key(article), encode(article))]
    records += [Record("stance", STANCE.key(event), encode(event)) for event in enrichment.stance_events]
    records += [Record("alerts", ALERTS.key(alert), encode(alert)) for alert in enrichment.alerts]
    return records


def size_of(record: Record) -> int:
    """About what the record costs a broker: its bytes plus the record's and batch's own headers."""
    headers = sum(len(name) + len(value) for name, value in record.headers)
    return len(record.key or b"") + len(record.value or b"") + headers + RECORD_OVERHEAD_BYTES


def dead_letter_record(letter: DeadLetter, max_record_bytes: int = MAX_RECORD_BYTES) -> Record:
    """The dead letter record: original key and value untouched, the reason in headers.

    It is never a tombstone: a message with neither key nor value gets an
    empty value (Kafka refuses a record with neither, and compaction would
    read a null value as a deletion). An original too large to fit beside the
    headers is left out, named in the ``original-omitted`` header, and stays
    readable at its source offset.
    """
    record = Record("dlq", DEAD_LETTERS.key(letter), letter.original_value or b"", letter.headers())
    if size_of(record) <= max_record_bytes:
        return record
    note = f"{len(record.value or b'')} bytes, too large beside the headers; read it at its source offset"
    slim = Record("dlq", record.key, b"", [*record.headers, (ORIGINAL_OMITTED, note.encode())])
    if size_of(slim) <= max_record_bytes:
        return slim
    note = f"key and value ({len(record.key or b'')} and {len(record.value or b'')} bytes) left out; read them there"
    return Record("dlq", None, b"", [*record.headers, (ORIGINAL_OMITTED, note.encode())])


def records_of(outcome: Outcome, max_record_bytes: int = MAX_RECORD_BYTES) -> list[Record]:
    """What to publish for one message's outcome (``outcome`` has already bounded an enrichment's size)."""
    if isinstance(outcome, DeadLetter):
        return [dead_letter_record(outcome, max_record_bytes)]
    return enrichment_records(outcome)


def refused_record(enrichment_version: str, max_record_bytes: int, origin: Received, error: InvalidMessage) -> Record:
    """The dead letter that replaces a message whose output the broker refused for good."""
    return dead_letter_record(dead_letter(origin, error, enrichment_version), max_record_bytes)
