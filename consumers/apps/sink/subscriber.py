"""The storage subscriber: ``articles.enriched``, ``stance.events`` and ``alerts`` into the database.

The runtime's pieces, as the worker uses them: the consume loop feeds a
chain Store → Commit. Each fetched batch is upserted in one database
transaction (``StoreBatches``, in the database thread), and its offsets are
committed only after that transaction is: a crash between the two
redelivers the batch, and the upserts (keyed by ``event_id``) make the
second write a no-op. A rebalance waits for the batch in hand to be stored
and committed before the partitions move. Records that cannot be stored go
to the ``sink_dead_letters`` table in the same transaction, and a lost
database connection is retried (``consumers.apps.sink.writer``).
"""

import asyncio
import contextlib
import logging
import math
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TypeVar

import psycopg
from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition

from consumers.apps.sink.batches import SinkCounts, StoreBatches
from consumers.apps.sink.database import Database, open_database
from consumers.apps.sink.dead_letters import DeadLetters
from consumers.apps.sink.entries import Kind
from consumers.apps.sink.failures import SinkDatabaseError
from consumers.apps.sink.secrets import Redactor
from consumers.apps.sink.writer import BatchWriter
from consumers.kafka.clients import make_consumer
from consumers.runtime.consume_loop import ConsumeLoop
from consumers.runtime.health import WorkerState, serve_if_enabled
from consumers.runtime.lifecycle import handle_signals
from consumers.runtime.retry import Backoff
from consumers.runtime.steps import CommitOffsets, RunInExecutor
from consumers.settings import Settings

logger = logging.getLogger(__name__)
T = TypeVar("T")

FETCH_TIMEOUT_MS = 500


class _WaitForBatch(ConsumerRebalanceListener):  # type: ignore[misc]
    """Lets partitions move only once the batch in hand is stored and committed."""

    def __init__(self, loop: ConsumeLoop, state: WorkerState) -> None:
        self._loop = loop
        self._state = state

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        await self._loop.drain()

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        self._state.joined.set()
        logger.info("sink assigned: %s", sorted(f"{tp.topic}/{tp.partition}" for tp in assigned))


class StorageSink:
    """Consumes the enriched, stance and alerts topics with its own group and upserts every event."""

    def __init__(self, settings: Settings) -> None:
        """Prepare; the consumer and the database are opened by ``run`` (the database in the thread using it)."""
        self._settings = settings
        self._kinds: dict[str, Kind] = {
            settings.topics.name("enriched"): "enriched",
            settings.topics.name("stance"): "stance",
            settings.topics.name("alerts"): "alerts",
        }
        self._redact = Redactor.of(settings)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sink-db")
        self._stopping = threading.Event()  # seen by a write waiting for the database, in its thread
        self._consume_loop: ConsumeLoop | None = None
        self.counts = SinkCounts()
        # /readyz: the group joined; /healthz: the loop turns. A batch waiting out a database outage is no stall.
        self.state = WorkerState(models_loaded=True, progress_stall_s=math.inf)

    def stop(self) -> None:
        """Finish the batch in hand, commit and leave (what SIGTERM does)."""
        self._stopping.set()
        if self._consume_loop is not None:
            self._consume_loop.stop()

    async def run(self, until_caught_up: bool = False) -> SinkCounts:
        """Store events until stopped (or, with ``until_caught_up``, until every assigned partition is stored)."""
        async with contextlib.AsyncExitStack() as stack:
            handle_signals(stack, self.stop)
            endpoints = await serve_if_enabled(self.state, self._settings.metrics)
            if endpoints is not None:
                stack.push_async_callback(endpoints.cleanup)
            stack.callback(self._executor.shutdown, wait=True)
            database = await self._open()
            stack.push_async_callback(self._in_thread, database.close)
            stack.callback(self._stopping.set)  # leaving on an error: a write waiting for the database gives up
            consumer = make_consumer(self._settings.kafka, self._settings.sink.group_id, "earliest")
            await consumer.start()
            stack.push_async_callback(consumer.stop)
            self._consume_loop = loop = self._loop_for(consumer, database)
            if self._stopping.is_set():  # stopped while starting
                loop.stop()
            consumer.subscribe(list(self._kinds), listener=_WaitForBatch(loop, self.state))
            await loop.run(until_caught_up)
            await loop.drain()
        return self.counts

    def _loop_for(self, consumer: AIOKafkaConsumer, database: Database) -> ConsumeLoop:
        """The chain Store → Commit, fed one transaction's worth of records per fetch."""
        sink = self._settings.sink
        letters = DeadLetters(self._redact, sink.dead_letter_max_consecutive)
        backoff = Backoff(initial_s=0.5, max_s=sink.retry_max_backoff_s)
        writer = BatchWriter(database, letters, backoff, self._stopping)
        commit = CommitOffsets(consumer.commit, interval_s=0, owned=consumer.assignment)
        self.counts.committed = commit.committed  # the same mapping: what this run has committed so far
        store = RunInExecutor(StoreBatches(self._kinds, writer, self._redact, self.counts), self._executor, commit)
        return ConsumeLoop(
            consumer,
            store,
            self.state,
            max_records=sink.batch_size,
            fetch_timeout_ms=FETCH_TIMEOUT_MS,
            drain_timeout_s=None,  # the batch in hand always finishes: a write gives up only when stopped
        )

    async def _open(self) -> Database:
        """Connect in the database thread; a failure is one line without secrets (the CLI prints it)."""
        try:
            return await self._in_thread(partial(open_database, self._settings.sink))
        except (psycopg.Error, sqlite3.Error) as error:
            reason = self._redact(" ".join(str(error).split()))
            raise SinkDatabaseError(f"cannot open the sink database: {type(error).__name__}: {reason}") from None

    async def _in_thread(self, call: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, call)
