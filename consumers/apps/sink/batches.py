"""The sink's work on one batch: its records decoded, stored in one transaction, and counted.

The domain function of the sink's chain (``RunInExecutor``): it runs in the
database thread, the only thread that touches the connection, and so the
only one that writes the counts.
"""

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from aiokafka import TopicPartition

from consumers.apps.sink.entries import Entry, Kind, entry_of
from consumers.apps.sink.metrics import SINK_DEAD_LETTERS, STORED
from consumers.apps.sink.secrets import Redactor
from consumers.apps.sink.writer import BatchWriter
from consumers.runtime.records import Batch, Received

logger = logging.getLogger(__name__)


@dataclass
class SinkCounts:
    """What a run stored (rows written, including rewrites of redelivered events) and dead-lettered."""

    articles: int = 0
    stance_events: int = 0
    alerts: int = 0
    skipped: int = 0  # undecodable records (dead-lettered too)
    dead_lettered: int = 0
    committed: dict[TopicPartition, int] = field(default_factory=dict)


class StoreBatches:
    """Stores a batch of records of the sink's topics; None when stopped before the database took it."""

    def __init__(self, kinds: Mapping[str, Kind], writer: BatchWriter, redact: Redactor, counts: SinkCounts) -> None:
        """``kinds``: each topic's kind of record, by topic name."""
        self._kinds, self._writer, self._redact, self.counts = kinds, writer, redact, counts

    def __call__(self, batch: Batch[Received]) -> Batch[None] | None:
        entries = [entry_of(received, self._kinds[received.topic]) for received, _ in batch.items]
        errors = self._writer.write(entries)
        if errors is None:  # stopped while the database was away: nothing stored, nothing to commit
            return None
        self._count(entries, errors)
        return batch.replace(None for _ in entries)

    def _count(self, entries: Sequence[Entry], errors: Sequence[str | None]) -> None:
        counts = self.counts
        for entry, error in zip(entries, errors, strict=True):
            if error is None:
                counts.articles += entry.table == "articles"
                counts.stance_events += entry.table == "stance_events"
                counts.alerts += entry.table == "alerts"
                STORED.labels(str(entry.table)).inc()
                continue
            counts.dead_lettered += 1
            SINK_DEAD_LETTERS.inc()
            counts.skipped += entry.table is None
            source = entry.source
            reason = self._redact(error)
            logger.warning("dead-lettered %s/%d@%d: %s", source.topic, source.partition, source.offset, reason)
