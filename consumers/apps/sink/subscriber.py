"""The storage subscriber: ``articles.enriched``, ``stance.events`` and ``alerts`` into the database.

Each fetched batch is upserted in one database transaction, and its offsets
are committed only after that transaction is: a crash between the two
redelivers the batch, and the upserts (keyed by ``event_id``) make the second
write a no-op. A rebalance waits for the batch in hand to be stored and
committed before the partitions move. Records that cannot be stored go to
the ``sink_dead_letters`` table in the same transaction, and a lost database
connection is retried (``consumers.apps.sink.writer``).
"""

import asyncio
import contextlib
import logging
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import psycopg
from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import CommitFailedError

from consumers.apps.sink.database import Database, open_database
from consumers.apps.sink.dead_letters import DeadLetters
from consumers.apps.sink.entries import Entry, Kind, entry_of
from consumers.apps.sink.failures import SinkDatabaseError
from consumers.apps.sink.metrics import SINK_DEAD_LETTERS, STORED
from consumers.apps.sink.secrets import Redactor
from consumers.apps.sink.writer import BatchWriter
from consumers.kafka.clients import make_consumer
from consumers.runtime.health import WorkerState, serve_if_enabled
from consumers.runtime.lifecycle import handle_signals
from consumers.runtime.retry import Backoff
from consumers.settings import Settings

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


class _WaitForBatch(ConsumerRebalanceListener):  # type: ignore[misc]
    """Lets partitions move only between batches, never while one is being stored."""

    def __init__(self, lock: asyncio.Lock, state: WorkerState) -> None:
        self._lock = lock
        self._state = state

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        async with self._lock:
            return

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        self._state.joined.set()
        logger.info("sink assigned: %s", sorted(f"{tp.topic}/{tp.partition}" for tp in assigned))


class StorageSink:
    """Consumes the enriched and stance topics with its own group and upserts every event."""

    def __init__(self, settings: Settings) -> None:
        """Prepare; the consumer and the database are opened by ``run`` (the database in the thread using it)."""
        self._settings = settings
        self._topics: dict[str, Kind] = {
            settings.topics.name("enriched"): "enriched",
            settings.topics.name("stance"): "stance",
            settings.topics.name("alerts"): "alerts",
        }
        self._redact = Redactor.of(settings)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sink-db")
        self._lock = asyncio.Lock()
        self._stopping = asyncio.Event()
        self.counts = SinkCounts()
        self.state = WorkerState(models_loaded=True)  # /readyz: the group joined; /healthz: the loop turns

    def stop(self) -> None:
        """Finish the batch in hand, commit and leave (what SIGTERM does)."""
        self._stopping.set()

    async def run(self, until_caught_up: bool = False) -> SinkCounts:
        """Store events until stopped (or, with ``until_caught_up``, until every assigned partition is stored)."""
        loop = asyncio.get_running_loop()
        async with contextlib.AsyncExitStack() as stack:
            handle_signals(stack, self.stop)
            endpoints = await serve_if_enabled(self.state, self._settings.metrics)
            if endpoints is not None:
                stack.push_async_callback(endpoints.cleanup)
            stack.callback(self._executor.shutdown, wait=True)
            database = await self._open()
            try:
                await self._consume(database, until_caught_up)
            finally:
                await loop.run_in_executor(self._executor, database.close)
        return self.counts

    async def _open(self) -> Database:
        """Connect in the database thread; a failure is one line without secrets (the CLI prints it)."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor, open_database, self._settings.sink)
        except (psycopg.Error, sqlite3.Error) as error:
            reason = self._redact(" ".join(str(error).split()))
            raise SinkDatabaseError(f"cannot open the sink database: {type(error).__name__}: {reason}") from None

    async def _consume(self, database: Database, until_caught_up: bool) -> None:
        sink = self._settings.sink
        letters = DeadLetters(self._redact, sink.dead_letter_max_consecutive)
        writer = BatchWriter(database, self._executor, letters, Backoff(initial_s=0.5, max_s=sink.retry_max_backoff_s))
        consumer = make_consumer(self._settings.kafka, sink.group_id, "earliest")
        await consumer.start()
        try:
            consumer.subscribe(list(self._topics), listener=_WaitForBatch(self._lock, self.state))
            while not self._stopping.is_set():
                await self._step(consumer, writer)
                if until_caught_up and await _caught_up(consumer):
                    return
        finally:
            await consumer.stop()

    async def _step(self, consumer: AIOKafkaConsumer, writer: BatchWriter) -> None:
        self.state.beat()
        fetched = await consumer.getmany(timeout_ms=500, max_records=self._settings.sink.batch_size)
        if not fetched:
            return
        async with self._lock:
            entries = [entry_of(r, self._topics[tp.topic]) for tp, records in fetched.items() for r in records]
            errors = await writer.write(entries, self._stopping)
            if errors is None:  # stopped while the database was away: nothing stored, nothing committed
                return
            offsets = {tp: records[-1].offset + 1 for tp, records in fetched.items() if records}
            try:
                await consumer.commit(offsets)
            except CommitFailedError:
                logger.warning("commit of %s failed after a rebalance; the new owner rewrites the same rows", offsets)
                return
            self._count(entries, errors)
            self.counts.committed.update(offsets)

    def _count(self, entries: list[Entry], errors: list[str | None]) -> None:
        for entry, error in zip(entries, errors, strict=True):
            if error is None:
                self.counts.articles += entry.table == "articles"
                self.counts.stance_events += entry.table == "stance_events"
                self.counts.alerts += entry.table == "alerts"
                STORED.labels(str(entry.table)).inc()
                continue
            self.counts.dead_lettered += 1
            SINK_DEAD_LETTERS.inc()
            self.counts.skipped += entry.table is None
            source = entry.source
            reason = self._redact(error)
            logger.warning("dead-lettered %s/%d@%d: %s", source.topic, source.partition, source.offset, reason)


async def _caught_up(consumer: AIOKafkaConsumer) -> bool:
    """Whether every assigned partition is stored up to its current end."""
    assigned = list(consumer.assignment())
    if not assigned:
        return False
    ends = await consumer.end_offsets(assigned)
    positions = [await consumer.position(tp) for tp in assigned]
    return all(position >= ends[tp] for tp, position in zip(assigned, positions, strict=True))
