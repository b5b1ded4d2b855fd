"""The enrichment worker: a consumer group running Decode → Enrich → Produce → Commit.

An offset is committed only after every output of its batch and of all earlier
batches of the partition is acknowledged, so a crash at any point loses
nothing (at-least-once; subscribers drop redeliveries by ``event_id``).
SIGTERM stops intake, drains in-flight work within ``worker.shutdown_timeout_s``,
commits and leaves the group.
"""

import asyncio
import contextlib
import logging
import signal
from concurrent.futures import ThreadPoolExecutor

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition

from consumers.alerts import RuleSet
from consumers.kafka_clients import make_consumer, make_producer
from consumers.nlp.annotator import Annotator
from consumers.records import Batch, Received
from consumers.settings import Settings
from consumers.steps import CommitOffsets, DecodeArticles, EnrichArticles, MessageRejected, ProduceRecords
from consumers.steps.enrich import DeadLetterGuard

logger = logging.getLogger(__name__)


class _DrainOnRevoke(ConsumerRebalanceListener):  # type: ignore[misc]
    """Finishes and commits in-flight work before partitions move to another worker."""

    def __init__(self, worker: "EnrichmentWorker") -> None:
        self._worker = worker

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        await self._worker.drain(revoked)

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        logger.info("assigned partitions: %s", sorted(f"{tp.topic}/{tp.partition}" for tp in assigned))


class EnrichmentWorker:
    """Consumes ``articles.raw`` and publishes enriched articles, stance events, alerts and dead letters."""

    def __init__(self, settings: Settings, annotator: Annotator, rules: RuleSet) -> None:
        """Build the clients and the chain; call from within the event loop that will ``run`` it."""
        self._settings = settings
        self._consumer = make_consumer(settings.kafka, settings.worker.group_id, settings.worker.auto_offset_reset)
        self._producer = make_producer(settings.kafka)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="annotate")
        self._commit = CommitOffsets(self._consumer)
        worker = settings.worker
        self._chain = DecodeArticles(
            EnrichArticles(
                ProduceRecords(self._commit, self._producer, max_in_flight=worker.max_in_flight),
                annotator,
                self._executor,
                rules,
                settings.topics,
                DeadLetterGuard(worker.dlq_max_consecutive),
                max_in_flight=worker.max_in_flight,
            ),
            worker.max_body_chars,
            settings.nlp.languages,
        )
        self._lock = asyncio.Lock()
        self._pending: Batch[Received] | None = None
        self._stopping = asyncio.Event()

    @property
    def consumer(self) -> AIOKafkaConsumer:
        return self._consumer

    def stop(self) -> None:
        """Ask the worker to stop intake and drain (what SIGTERM does)."""
        self._stopping.set()

    async def drain(self, revoked: set[TopicPartition]) -> None:
        """Finish and commit everything in flight; forget fetched-but-unstarted records of ``revoked``."""
        async with self._lock:
            self._pending = None  # re-fetched from the committed offset by whoever owns them next
            await self._join_chain()
            self._commit.forget(revoked)

    async def _join_chain(self) -> None:
        async with asyncio.timeout(self._settings.worker.shutdown_timeout_s):
            await self._chain.join()

    async def run(self, until_caught_up: bool = False) -> None:
        """Process until stopped (or, with ``until_caught_up``, until every assigned partition is done)."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self.stop)
        await self._producer.start()
        try:
            await self._consumer.start()
            self._consumer.subscribe([self._settings.topics.name("raw")], listener=_DrainOnRevoke(self))
            try:
                await self._loop(until_caught_up)
                logger.info("stopping: draining in-flight work")
                await self.drain(set())
            finally:
                await self._consumer.stop()
        finally:
            await self._producer.stop()
            self._executor.shutdown(wait=False, cancel_futures=True)
            for sig in (signal.SIGTERM, signal.SIGINT):
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.remove_signal_handler(sig)

    async def _loop(self, until_caught_up: bool) -> None:
        worker = self._settings.worker
        while not self._stopping.is_set():
            if self._pending is None:
                fetched = await self._consumer.getmany(
                    timeout_ms=worker.batch_timeout_ms, max_records=worker.batch_size
                )
                records = [
                    Received(r.topic, r.partition, r.offset, r.key, r.value, r.timestamp)
                    for tp_records in fetched.values()
                    for r in tp_records
                ]
                if records:
                    self._pending = Batch.of(records)
            async with self._lock:
                await self._offer_pending()
                await self._chain.poll()
            if until_caught_up and await self._caught_up():
                return

    async def _offer_pending(self) -> None:
        """Submit the fetched batch, pausing intake while the pipeline is full."""
        if self._pending is None:
            return
        try:
            await self._chain.submit(self._pending)
        except MessageRejected:
            self._consumer.pause(*self._consumer.assignment())
            await asyncio.sleep(0.005)
            return
        self._pending = None
        if self._consumer.paused():
            self._consumer.resume(*self._consumer.paused())

    async def _caught_up(self) -> bool:
        """Whether every record up to the end of each assigned partition is produced and committed."""
        assigned = self._consumer.assignment()
        async with self._lock:
            if not assigned or self._pending is not None or self._chain.in_flight:
                return False
            await self._join_chain()  # commits what is done
        ends = await self._consumer.end_offsets(list(assigned))
        positions = [await self._consumer.position(tp) for tp in assigned]
        return all(position >= ends[tp] for tp, position in zip(assigned, positions, strict=True))
