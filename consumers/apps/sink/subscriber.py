"""The storage subscriber: ``articles.enriched`` and ``stance.events`` into the database.

Each fetched batch is upserted in one database transaction, and its offsets
are committed only after that transaction is: a crash between the two
redelivers the batch, and the upserts (keyed by ``event_id``) make the second
write a no-op. A rebalance waits for the batch in hand to be stored and
committed before the partitions move.
"""

import asyncio
import contextlib
import logging
import signal
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import CommitFailedError
from pydantic import ValidationError

from consumers.apps.sink.database import Database, open_database
from consumers.apps.sink.rows import Row, article_row, stance_row
from consumers.kafka.clients import make_consumer
from consumers.settings import Settings
from schemas import EnrichedArticle, StanceEvent, decode

logger = logging.getLogger(__name__)


@dataclass
class SinkCounts:
    """What a run stored (rows written, including rewrites of redelivered events) and skipped."""

    articles: int = 0
    stance_events: int = 0
    skipped: int = 0
    committed: dict[TopicPartition, int] = field(default_factory=dict)


class _WaitForBatch(ConsumerRebalanceListener):  # type: ignore[misc]
    """Lets partitions move only between batches, never while one is being stored."""

    def __init__(self, lock: asyncio.Lock) -> None:
        self._lock = lock

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        async with self._lock:
            return

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        logger.info("sink assigned: %s", sorted(f"{tp.topic}/{tp.partition}" for tp in assigned))


class StorageSink:
    """Consumes the enriched and stance topics with its own group and upserts every event."""

    def __init__(self, settings: Settings) -> None:
        """Prepare; the consumer and the database are opened by ``run`` (the database in the thread using it)."""
        self._settings = settings
        self._topics = {settings.topics.name("enriched"): "enriched", settings.topics.name("stance"): "stance"}
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sink-db")
        self._lock = asyncio.Lock()
        self._stopping = asyncio.Event()
        self.counts = SinkCounts()

    def stop(self) -> None:
        """Finish the batch in hand, commit and leave (what SIGTERM does)."""
        self._stopping.set()

    async def run(self, until_caught_up: bool = False) -> SinkCounts:
        """Store events until stopped (or, with ``until_caught_up``, until every assigned partition is stored)."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self.stop)
        try:
            database = await loop.run_in_executor(self._executor, open_database, self._settings.sink)
            try:
                await self._consume(database, until_caught_up)
            finally:
                await loop.run_in_executor(self._executor, database.close)
        finally:
            self._executor.shutdown(wait=True)
            for sig in (signal.SIGTERM, signal.SIGINT):
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.remove_signal_handler(sig)
        return self.counts

    async def _consume(self, database: Database, until_caught_up: bool) -> None:
        consumer = make_consumer(self._settings.kafka, self._settings.sink.group_id, "earliest")
        await consumer.start()
        try:
            consumer.subscribe(list(self._topics), listener=_WaitForBatch(self._lock))
            while not self._stopping.is_set():
                await self._step(consumer, database)
                if until_caught_up and await _caught_up(consumer):
                    return
        finally:
            await consumer.stop()

    async def _step(self, consumer: AIOKafkaConsumer, database: Database) -> None:
        fetched = await consumer.getmany(timeout_ms=500, max_records=self._settings.sink.batch_size)
        if not fetched:
            return
        async with self._lock:
            articles, events = self._rows(fetched)
            await asyncio.get_running_loop().run_in_executor(self._executor, database.write, articles, events)
            offsets = {tp: records[-1].offset + 1 for tp, records in fetched.items() if records}
            try:
                await consumer.commit(offsets)
            except CommitFailedError:
                logger.warning("commit of %s failed after a rebalance; the new owner rewrites the same rows", offsets)
                return
            self.counts.articles += len(articles)
            self.counts.stance_events += len(events)
            self.counts.committed.update(offsets)

    def _rows(self, fetched: dict[TopicPartition, list[Any]]) -> tuple[list[Row], list[Row]]:
        articles: list[Row] = []
        events: list[Row] = []
        for tp, records in fetched.items():
            kind = self._topics[tp.topic]
            for record in records:
                try:
                    if kind == "enriched":
                        articles.append(article_row(decode(EnrichedArticle, record.value)))
                    else:
                        events.append(stance_row(decode(StanceEvent, record.value), record.timestamp))
                except (ValueError, TypeError, ValidationError) as error:
                    self.counts.skipped += 1
                    logger.warning(
                        "skipping %s/%d@%d: not a %s event: %s", tp.topic, tp.partition, record.offset, kind, error
                    )
        return articles, events


async def _caught_up(consumer: AIOKafkaConsumer) -> bool:
    """Whether every assigned partition is stored up to its current end."""
    assigned = list(consumer.assignment())
    if not assigned:
        return False
    ends = await consumer.end_offsets(assigned)
    positions = [await consumer.position(tp) for tp in assigned]
    return all(position >= ends[tp] for tp, position in zip(assigned, positions, strict=True))
