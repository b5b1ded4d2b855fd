"""The enrichment worker: a consumer group running Decode → Enrich → Produce → Commit.

An offset is committed only after every output of its batch and of all earlier
batches of the partition is acknowledged, so a crash at any point loses
nothing (at-least-once; subscribers drop redeliveries by ``event_id``).
SIGTERM stops intake, drains in-flight work within ``worker.shutdown_timeout_s``,
commits and leaves the group.
"""

import contextlib
import logging
import time
from collections.abc import Mapping
from functools import partial

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from consumers.core.alerts import RuleSet
from consumers.core.decode import Decoder
from consumers.core.records import refused_record
from consumers.errors import ConfigurationError, StancewireError
from consumers.kafka.admin import check_record_limit
from consumers.kafka.clients import make_consumer, make_producer
from consumers.nlp.annotator import Annotator
from consumers.runtime.batching import token_budget_batches
from consumers.runtime.consume_loop import ConsumeLoop
from consumers.runtime.daemon_executor import DaemonThreadExecutor
from consumers.runtime.fencing import PartitionFence, by_partition, transactional_id_prefix
from consumers.runtime.health import WorkerState, serve
from consumers.runtime.lifecycle import handle_signals, stop_within
from consumers.runtime.metrics import BATCH_SIZE, CONSUMED, record_lag
from consumers.runtime.rebalance import DrainOnRevoke
from consumers.runtime.records import Batch, Received, Record
from consumers.runtime.steps import CommitOffsets, DecodeArticles, EnrichArticles, ProduceRecords, Step
from consumers.runtime.steps.dead_letters import DeadLetterGuard
from consumers.runtime.steps.enrich import CallSize
from consumers.runtime.steps.transact import PartitionProducers, ProduceInTransactions
from consumers.settings import Settings

logger = logging.getLogger(__name__)


REBALANCE_MARGIN_S = 10.0  # the group waits this much longer than a drain may take
DRAIN_SHARE = 0.6  # of ``shutdown_timeout_s`` for the final drain; the clients' stops share the rest


def _check_stall_timeout(settings: Settings) -> None:
    """A batch of articles each just within its budget must not look like a stall (a restart loop)."""
    longest_s = settings.worker.batch_size * settings.nlp.article_time_budget_s
    if settings.nlp.pipeline == "full" and settings.worker.stall_timeout_s <= longest_s:
        raise ConfigurationError(
            f"STANCEWIRE_WORKER__STALL_TIMEOUT_S ({settings.worker.stall_timeout_s:g}) must exceed a batch's longest "
            f"annotation, STANCEWIRE_WORKER__BATCH_SIZE x STANCEWIRE_NLP__ARTICLE_TIME_BUDGET_S ({longest_s:g} s)"
        )


class EnrichmentWorker:
    """Consumes ``articles.raw`` and publishes enriched articles, stance events, alerts and dead letters."""

    def __init__(
        self,
        settings: Settings,
        annotator: Annotator,
        rules: RuleSet,
        *,
        start_offsets: Mapping[TopicPartition, int] | None = None,
        end_offsets: Mapping[TopicPartition, int] | None = None,
    ) -> None:
        """Build the clients and the chain; call from within the event loop that will ``run`` it.

        Args:
            settings: All settings; the group, input and output topics come from here.
            annotator: The models.
            rules: Per-article alert rules.
            start_offsets: Replays: read exactly these partitions (no group rebalancing) from these offsets.
            end_offsets: Replays: leave records at or past these offsets alone and stop once every
                partition is processed up to its end.
        """
        _check_stall_timeout(settings)
        self._settings = settings
        self._start_offsets = dict(start_offsets) if start_offsets is not None else None
        self._end_offsets = dict(end_offsets or {})
        worker = settings.worker
        rebalance_timeout_ms = int((worker.shutdown_timeout_s + REBALANCE_MARGIN_S) * 1000)
        self._consumer = make_consumer(settings.kafka, worker.group_id, worker.auto_offset_reset, rebalance_timeout_ms)
        self._executor = DaemonThreadExecutor("annotate")
        self._commit = CommitOffsets(
            self._consumer.commit, interval_s=worker.commit_interval_ms / 1000, owned=self._consumer.assignment
        )
        self._producer: AIOKafkaProducer | None = None
        self.partition_producers: PartitionProducers | None = None
        output = self._output_step(annotator.versions.enrichment)
        limit = settings.kafka.max_request_size
        guard = DeadLetterGuard(worker.dlq_max_consecutive, worker.dlq_max_ratio, worker.dlq_window)
        call_size = CallSize(worker.batch_size, worker.batch_max_tokens)
        enrich = EnrichArticles(output, annotator, self._executor, rules, guard, worker.max_in_flight, limit, call_size)
        self.state = WorkerState(models_loaded=True, progress_stall_s=worker.stall_timeout_s)  # models arrive loaded
        self._consume_loop = ConsumeLoop(
            self._consumer,
            DecodeArticles(enrich, Decoder.from_settings(settings)),
            self.state,
            max_records=worker.batch_size,
            fetch_timeout_ms=worker.batch_timeout_ms,
            drain_timeout_s=worker.shutdown_timeout_s,
            batches=self._batches,
            ends=self._end_offsets,
            on_turn=self._update_lag,
        )
        self.fence: PartitionFence | None = None
        if self.partition_producers is not None:
            lock = self._consume_loop.lock
            self.fence = PartitionFence(self._consumer, self.partition_producers, worker.auto_offset_reset, lock)
        self._failure: StancewireError | None = None
        self._lag_due = 0.0

    def _output_step(self, enrichment_version: str) -> Step[list[Record]]:
        """Exactly-once: transactions of per-partition producers; else one idempotent producer, then Commit."""
        settings, worker = self._settings, self._settings.worker
        refused = partial(refused_record, enrichment_version, settings.kafka.max_request_size)
        if worker.delivery == "exactly_once":
            stop_s = (1 - DRAIN_SHARE) / 2 * worker.shutdown_timeout_s
            factory = partial(make_producer, settings.kafka)
            self.partition_producers = PartitionProducers(factory, transactional_id_prefix(worker), stop_s)
            return ProduceInTransactions(
                self.partition_producers,
                worker.group_id,
                settings.topics,
                committed=self._commit.committed,
                dead_letter_for=refused,
            )
        self._producer = make_producer(settings.kafka)
        return ProduceRecords(
            self._commit, self._producer, settings.topics, max_in_flight=worker.max_in_flight, dead_letter_for=refused
        )

    @property
    def consumer(self) -> AIOKafkaConsumer:
        return self._consumer

    @property
    def committed(self) -> Mapping[TopicPartition, int]:
        """Offsets committed by this run so far, per partition (progress reports read it)."""
        return self._commit.committed

    def stop(self) -> None:
        """Ask the worker to stop intake and drain (what SIGTERM does)."""
        self._consume_loop.stop()

    def fail(self, error: StancewireError) -> None:
        """Stop with ``error``: raised from the consume loop, nothing committed past it."""
        self._failure = error
        self._consume_loop.stop()

    @property
    def shutdown_timeout_s(self) -> float:
        return self._settings.worker.shutdown_timeout_s

    @property
    def stop_requested(self) -> bool:
        """Whether ``stop`` was called (a signal), as opposed to a run that reached its end."""
        return self._consume_loop.stopping

    async def drain(self, revoked: set[TopicPartition], timeout_s: float | None = None) -> None:
        """Finish and commit what is in flight within ``timeout_s`` (default ``worker.shutdown_timeout_s``).

        Fetched-but-unstarted records are forgotten (whoever owns them next
        re-fetches them from the committed offset). Work of ``revoked``
        partitions that does not finish in time is never committed: the new
        owner redoes it (at-least-once).
        """
        try:
            await self._consume_loop.drain(timeout_s)
        finally:
            self._commit.forget(revoked)

    async def run(self, until_caught_up: bool = False) -> None:
        """Process until stopped (or, with ``until_caught_up``, until every assigned partition is done)."""
        async with contextlib.AsyncExitStack() as stack:
            handle_signals(stack, self.stop)
            stop_s = (1 - DRAIN_SHARE) / 2 * self._settings.worker.shutdown_timeout_s  # each client's
            metrics = self._settings.metrics
            if metrics.enabled:
                stack.push_async_callback((await serve(self.state, metrics.host, metrics.port)).cleanup)
            if self._producer is not None:
                await self._producer.start()
                stack.push_async_callback(stop_within, self._producer.stop, "producer", stop_s)
            if self.partition_producers is not None:
                stack.push_async_callback(self.partition_producers.close)
            stack.callback(self._executor.shutdown, wait=False, cancel_futures=True)
            await self._consumer.start()
            stack.push_async_callback(stop_within, self._consumer.stop, "consumer", stop_s)
            await self._start_reading()
            await check_record_limit(self._settings)
            await self._consume_loop.run(until_caught_up or bool(self._end_offsets))
            logger.info("stopping: draining in-flight work")
            await self.drain(set(), DRAIN_SHARE * self._settings.worker.shutdown_timeout_s)
            if self._failure is not None:
                raise self._failure

    async def _start_reading(self) -> None:
        """Join the group, or (replays) read the given partitions from the given offsets."""
        if self._start_offsets is None:
            self._consumer.subscribe([self._settings.topics.name("raw")], listener=DrainOnRevoke(self))
            return
        if self.partition_producers is not None:
            await self.partition_producers.assign(self._start_offsets)
            for tp, offset in self._start_offsets.items():
                self.partition_producers.start_at(tp, offset)
        self.state.joined.set()  # no group: reading assigned partitions directly
        self._consumer.assign(list(self._start_offsets))
        for tp, offset in self._start_offsets.items():
            self._consumer.seek(tp, offset)

    def _batches(self, records: list[Received]) -> list[Batch[Received]]:
        """Batches within the token budget; in exactly-once mode, one partition's each, stamped with its epoch.

        A partition's transactions belong to its own producer, and a batch
        fetched before the partition's last fence must never be committed.
        """
        CONSUMED.inc(len(records))
        producers = self.partition_producers
        groups = (
            [(records, 0)]
            if producers is None
            else [(g, producers.epoch(tp)) for tp, g in by_partition(records).items()]
        )
        max_tokens = self._settings.worker.batch_max_tokens
        batches = [b for group, epoch in groups for b in token_budget_batches(group, max_tokens, epoch)]
        for batch in batches:
            BATCH_SIZE.observe(len(batch))
        return batches

    async def _update_lag(self) -> None:
        """Every few seconds, the consumer lag gauges."""
        if time.monotonic() >= self._lag_due:
            self._lag_due = time.monotonic() + 5.0
            await record_lag(self._consumer)
