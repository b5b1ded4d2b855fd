"""Produce and commit in one Kafka transaction per batch (exactly-once mode).

The batch's records and its consumer offsets are committed atomically: a
subscriber reading ``read_committed`` sees each batch's outputs exactly once,
whatever kills the worker in between. A transient failure aborts the
transaction and replays the same batch into a new one.
"""

import asyncio
import logging
from typing import Any, Protocol

from aiokafka import TopicPartition

from consumers.runtime.metrics import record_delivered
from consumers.runtime.records import Batch, Record
from consumers.runtime.retry import Backoff, is_transient
from consumers.settings import TopicSettings

logger = logging.getLogger(__name__)


class TransactionalProducer(Protocol):
    """The part of a transactional AIOKafkaProducer this step uses."""

    def transaction(self) -> Any: ...

    async def send(
        self, topic: str, value: bytes | None = None, key: bytes | None = None, *, headers: Any = None
    ) -> "asyncio.Future[Any]": ...

    async def send_offsets_to_transaction(self, offsets: dict[TopicPartition, int], group_id: str) -> None: ...


class ProduceInTransactions:
    """The last step in exactly-once mode: one transaction holds a batch's outputs and offsets."""

    def __init__(
        self,
        producer: TransactionalProducer,
        group_id: str,
        topics: TopicSettings,
        backoff: Backoff | None = None,
        committed: dict[TopicPartition, int] | None = None,
    ) -> None:
        self._producer = producer
        self._group_id = group_id
        self._topics = topics
        self._backoff = backoff or Backoff()
        self.committed = committed if committed is not None else {}

    async def submit(self, batch: Batch[list[Record]]) -> None:
        attempt = 0
        while True:
            try:
                await self._transact(batch)
            except Exception as error:
                if not is_transient(error):
                    raise
                attempt += 1
                delay = self._backoff.delay(attempt)
                logger.warning("transaction aborted (%s); retry %d in %.1fs", error, attempt, delay)
                await asyncio.sleep(delay)
            else:
                record_delivered(batch, self._topics)
                self.committed.update(batch.next_offsets())
                return

    async def _transact(self, batch: Batch[list[Record]]) -> None:
        async with self._producer.transaction():
            acks = [
                await self._producer.send(
                    self._topics.name(record.kind), record.value, record.key, headers=record.headers or None
                )
                for _, records in batch.items
                for record in records
            ]
            await asyncio.gather(*acks)
            await self._producer.send_offsets_to_transaction(batch.next_offsets(), self._group_id)

    async def poll(self) -> None:
        return None

    async def join(self) -> None:
        return None

    @property
    def in_flight(self) -> int:
        return 0
