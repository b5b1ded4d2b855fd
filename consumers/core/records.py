"""The records to publish for each outcome: topic kind, key, value bytes and headers (``schemas.topics``)."""

from dataclasses import dataclass, field

from consumers.core.enrichment import Enrichment, Outcome
from schemas import DeadLetter, encode
from schemas.topics import ALERTS, DEAD_LETTERS, ENRICHED, STANCE, TopicKind


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


def dead_letter_record(letter: DeadLetter) -> Record:
    """The dead letter record: original key and value untouched, the reason in headers."""
    return Record("dlq", DEAD_LETTERS.key(letter), letter.original_value, letter.headers())


def records_of(outcome: Outcome) -> list[Record]:
    """What to publish for one message's outcome."""
    if isinstance(outcome, DeadLetter):
        return [dead_letter_record(outcome)]
    return enrichment_records(outcome)
