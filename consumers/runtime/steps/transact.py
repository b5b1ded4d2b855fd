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

from consumers.errors import OutputRejected, StancewireError
from consumers.runtime.metrics import record_delivered
from consumers.runtime.records import Batch, Record
from consumers.runtime.retry import Backoff, is_record_error, is_transient
from consumers.runtime.steps.produce import DeadLetterFor
from consumers.settings import TopicSettings

logger = logging.getLogger(__name__)

FENCED = (ProducerFenced, InvalidProducerEpoch)


class TransactionRetriesExhausted(StancewireError):
    """A batch's transaction kept failing; stop, so that the partitions go to a worker that can commit."""


class RefusedRecords(Exception):
    """Records of a transaction the broker refused for good, by the index of their message in the batch."""

    def __init__(self, errors: dict[int, BaseException]) -> None:
        super().__init__(f"{len(errors)} messages' records refused")
        self.errors = errors


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
        self._epochs: dict[TopicPartition, int] = {}  # per partition, bumped at every fence and loss

    def transactional_id(self, tp: TopicPartition) -> str:
        return f"{self._prefix}-{tp.topic}-{tp.partition}"

    def get(self, tp: TopicPartition) -> TransactionalProducer | None:
        """The partition's producer, or None once the partition is no longer this worker's."""
        return self._producers.get(tp)

    def epoch(self, tp: TopicPartition) -> int:
        """The partition's epoch: batches fetched under an earlier one are never committed.

        Each fence re-reads the committed offset and seeks to it, and a lost
        (fenced) producer ends its epoch; what was fetched before is fetched
        again, so dropping it loses nothing, while committing it could skip
        records dropped in between.
        """
        return self._epochs.get(tp, 0)

    async def assign(self, partitions: Iterable[TopicPartition]) -> None:
        """Start a producer per new partition (fencing the previous owner) and begin a new epoch for each."""
        for tp in sorted(set(partitions)):
            self._epochs[tp] = self.epoch(tp) + 1
            if tp not in self._producers:
                producer = self._factory(self.transactional_id(tp))
                await producer.start()
                self._producers[tp] = producer

    async def lose(self, tp: TopicPartition) -> None:
        """The partition's producer was fenced: its new owner has it; skip its batches until a fresh fence."""
        self._epochs[tp] = self.epoch(tp) + 1
        self._next.pop(tp, None)
        if (producer := self._producers.pop(tp, None)) is not None:
            await self._stop(producer)

    def start_at(self, tp: TopicPartition, offset: int) -> None:
        """Where the partition's committed work ends, read after its producer fenced the last owner."""
        self._next[tp] = offset

    def unseen(self, batch: Batch[list[Record]], tp: TopicPartition) -> Batch[list[Record]]:
        """The part of a batch past what is committed: records fetched before the fence may repeat."""
        start = self._next.get(tp)
        return batch if start is None else Batch([item for item in batch.items if item[0].offset >= start], batch.epoch)

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
        dead_letter_for: DeadLetterFor | None = None,
    ) -> None:
        """``dead_letter_for``: without it, a record the broker refuses stops the worker like a cluster error."""
        self._dead_letter_for = dead_letter_for
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
        if batch.epoch != self._producers.epoch(tp):
            return  # fetched before the partition's last fence: fetched again since, from the committed offset
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
            except RefusedRecords as refused:
                batch = self._dead_lettered(batch, refused)  # aborted: the same batch again, without them
                continue
            except FENCED:
                logger.warning("%s/%d: fenced by its new owner; its batches are left to it", tp.topic, tp.partition)
                await self._producers.lose(tp)
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
            sent = [(index, record) for index, (_, records) in enumerate(batch.items) for record in records]
            acks = [await self._send(producer, record) for _, record in sent]
            results = await asyncio.gather(*acks, return_exceptions=True)
            refused = {
                index: result
                for (index, record), result in zip(sent, results, strict=True)
                if isinstance(result, BaseException) and is_record_error(result) and record.kind != "dlq"
            }
            if refused:
                raise RefusedRecords(refused)  # the transaction aborts; submit retries without them
            if failed := next((r for r in results if isinstance(r, BaseException)), None):
                raise failed
            await producer.send_offsets_to_transaction(batch.next_offsets(), self._group_id)

    async def _send(self, producer: TransactionalProducer, record: Record) -> "asyncio.Future[Any]":
        """The record's acknowledgement; a refusal by the client itself (e.g. its size) as a failed one."""
        try:
            return await producer.send(
                self._topics.name(record.kind), record.value, record.key, headers=record.headers or None
            )
        except Exception as error:  # noqa: BLE001 - judged with the broker's answers in _transact
            failed: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
            failed.set_exception(error)
            return failed

    def _dead_lettered(self, batch: Batch[list[Record]], refused: "RefusedRecords") -> Batch[list[Record]]:
        """The batch with each refused message's records replaced by its dead letter (or stop, without a policy)."""
        if self._dead_letter_for is None:
            raise next(iter(refused.errors.values()))
        items = list(batch.items)
        for index, error in refused.errors.items():
            received, records = items[index]
            kinds = ", ".join(sorted({record.kind for record in records}))
            reason = f"the broker refused its {kinds} record: {type(error).__name__}: {error}"
            logger.warning("message %s/%d/%d: %s", received.topic, received.partition, received.offset, reason)
            items[index] = (received, [self._dead_letter_for(received, OutputRejected(reason))])
        return Batch(items, batch.epoch)

    async def poll(self) -> None:
        return None

    async def join(self) -> None:
        return None

    @property
    def in_flight(self) -> int:
        return 0
