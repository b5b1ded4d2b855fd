"""Produce and commit in one Kafka transaction per batch (exactly-once mode).

The batch's records and its consumer offsets are committed atomically: a
subscriber reading ``read_committed`` sees each batch's outputs exactly once,
whatever kills the worker in between.

Zombies are fenced with one transactional producer per input partition,
``<prefix>-<topic>-<partition>`` (the pattern from before Kafka's KIP-447,
which aiokafka's offset commits still need: they carry no group generation).
Whoever owns a partition next starts a producer with the same id, which
aborts the previous owner's open transaction and fences its producer: a
worker that was evicted, or stopped and resumed, can no longer commit
outputs or offsets for that partition. A fenced batch is dropped
uncommitted (its new owner redoes it). A transient failure aborts the
transaction and replays the batch into a new one, at most ``max_attempts``
times; then the worker stops and its partitions go back to the group.
"""

import asyncio
import logging
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from aiokafka import TopicPartition
from aiokafka.errors import InvalidProducerEpoch, ProducerFenced

from consumers.errors import StancewireError
from consumers.runtime.metrics import record_delivered
from consumers.runtime.records import Batch, Record
from consumers.runtime.retry import Backoff, is_transient
from consumers.settings import TopicSettings

logger = logging.getLogger(__name__)

FENCED = (ProducerFenced, InvalidProducerEpoch)


class TransactionRetriesExhausted(StancewireError):
    """A batch's transaction kept failing; stop, so that the partitions go to a worker that can commit."""


class TransactionalProducer(Protocol):
    """The part of a transactional AIOKafkaProducer this step uses."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    def transaction(self) -> Any: ...

    async def send(
        self, topic: str, value: bytes | None = None, key: bytes | None = None, *, headers: Any = None
    ) -> "asyncio.Future[Any]": ...

    async def send_offsets_to_transaction(self, offsets: dict[TopicPartition, int], group_id: str) -> None: ...


class PartitionProducers:
    """The transactional producers of the input partitions this worker owns, one per partition."""

    def __init__(self, factory: Callable[[str], TransactionalProducer], prefix: str, stop_timeout_s: float) -> None:
        """``factory`` builds an unstarted producer for a transactional id; ``prefix`` starts every id."""
        self._factory = factory
        self._prefix = prefix
        self._stop_timeout_s = stop_timeout_s
        self._producers: dict[TopicPartition, TransactionalProducer] = {}
        self._next: dict[TopicPartition, int] = {}  # per partition, the first offset not yet committed by us

    def transactional_id(self, tp: TopicPartition) -> str:
        return f"{self._prefix}-{tp.topic}-{tp.partition}"

    def get(self, tp: TopicPartition) -> TransactionalProducer | None:
        """The partition's producer, or None once the partition is no longer this worker's."""
        return self._producers.get(tp)

    async def assign(self, partitions: Iterable[TopicPartition]) -> None:
        """Start a producer per new partition; starting one fences the partition's previous owner."""
        for tp in sorted(set(partitions) - self._producers.keys()):
            producer = self._factory(self.transactional_id(tp))
            await producer.start()
            self._producers[tp] = producer

    def start_at(self, tp: TopicPartition, offset: int) -> None:
        """Where the partition's committed work ends, read after its producer fenced the last owner."""
        self._next[tp] = offset

    def unseen(self, batch: Batch[list[Record]], tp: TopicPartition) -> Batch[list[Record]]:
        """The part of a batch past what is committed: records fetched before the fence may repeat."""
        start = self._next.get(tp)
        return batch if start is None else Batch([item for item in batch.items if item[0].offset >= start])

    def committed(self, tp: TopicPartition, next_offset: int) -> None:
        self._next[tp] = next_offset

    async def revoke(self, partitions: Iterable[TopicPartition]) -> None:
        """Stop the producers of partitions that move away (after the drain)."""
        leaving = sorted(set(partitions) & self._producers.keys())
        for tp in leaving:
            self._next.pop(tp, None)
        await asyncio.gather(*(self._stop(self._producers.pop(tp)) for tp in leaving))  # one bound for all

    async def close(self) -> None:
        await self.revoke(list(self._producers))

    async def _stop(self, producer: TransactionalProducer) -> None:
        try:
            async with asyncio.timeout(self._stop_timeout_s):
                await producer.stop()
        except TimeoutError:
            logger.warning("a transactional producer did not stop within %.0fs; leaving it", self._stop_timeout_s)


class ProduceInTransactions:
    """The last step in exactly-once mode: one transaction holds a batch's outputs and offsets.

    Every batch holds records of one input partition (the worker batches per
    partition in this mode), so it is committed by that partition's producer.
    """

    def __init__(
        self,
        producers: PartitionProducers,
        group_id: str,
        topics: TopicSettings,
        backoff: Backoff | None = None,
        committed: dict[TopicPartition, int] | None = None,
        max_attempts: int = 8,
    ) -> None:
        self._producers = producers
        self._group_id = group_id
        self._topics = topics
        self._backoff = backoff or Backoff()
        self._max_attempts = max_attempts
        self.committed = committed if committed is not None else {}

    async def submit(self, batch: Batch[list[Record]]) -> None:
        offsets = batch.next_offsets()
        if len(offsets) != 1:
            raise ValueError(f"a transaction commits one input partition, this batch holds {len(offsets)}")
        (tp,) = offsets
        batch = self._producers.unseen(batch, tp)
        if not batch.items:
            return  # committed already, by us or by the partition's last owner
        for attempt in range(1, self._max_attempts + 1):
            producer = self._producers.get(tp)
            if producer is None:
                logger.info("%s/%d is not ours (now): its batch is left to its owner", tp.topic, tp.partition)
                return
            try:
                await self._transact(producer, batch)
            except FENCED:
                logger.warning("%s/%d: fenced by its new owner; the batch is left to it", tp.topic, tp.partition)
                return
            except Exception as error:
                if not is_transient(error):
                    raise
                delay = self._backoff.delay(attempt)
                logger.warning("transaction aborted (%s); retry %d in %.1fs", error, attempt, delay)
                await asyncio.sleep(delay)
            else:
                record_delivered(batch, self._topics)
                self.committed.update(batch.next_offsets())
                self._producers.committed(tp, batch.next_offsets()[tp])
                return
        raise TransactionRetriesExhausted(
            f"the transaction for {tp.topic}/{tp.partition} failed {self._max_attempts} times; stopping"
        )

    async def _transact(self, producer: TransactionalProducer, batch: Batch[list[Record]]) -> None:
        async with producer.transaction():
            acks = [
                await producer.send(
                    self._topics.name(record.kind), record.value, record.key, headers=record.headers or None
                )
                for _, records in batch.items
                for record in records
            ]
            await asyncio.gather(*acks)
            await producer.send_offsets_to_transaction(batch.next_offsets(), self._group_id)

    async def poll(self) -> None:
        return None

    async def join(self) -> None:
        return None

    @property
    def in_flight(self) -> int:
        return 0
