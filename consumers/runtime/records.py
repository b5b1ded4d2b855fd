"""The plain data that flows between pipeline steps: batches of received messages, and what each became."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from aiokafka import TopicPartition

from consumers.core import Received, Record

__all__ = ["Batch", "Received", "Record", "received"]

T = TypeVar("T")
U = TypeVar("U")


def received(record: Any) -> Received:
    """A record aiokafka consumed (a ``ConsumerRecord``), as the core reads it."""
    return Received(record.topic, record.partition, record.offset, record.key, record.value, record.timestamp)


@dataclass(frozen=True, slots=True)
class Batch(Generic[T]):
    """Consumed records travelling together, each with what the steps so far made of it."""

    items: list[tuple[Received, T]]
    epoch: int = 0  # exactly-once: the partition's fence epoch when these records were fetched

    @classmethod
    def of(cls, received: Iterable[Received], epoch: int = 0) -> "Batch[Received]":
        records = list(received)
        return Batch([(record, record) for record in records], epoch)

    def replace(self, payloads: Iterable[U]) -> "Batch[U]":
        """The same records with new payloads, in the same order."""
        items = [(received, payload) for (received, _), payload in zip(self.items, payloads, strict=True)]
        return Batch(items, self.epoch)

    def next_offsets(self) -> dict[TopicPartition, int]:
        """Per partition, the offset to commit once this batch is done (last offset + 1)."""
        offsets: dict[TopicPartition, int] = {}
        for received, _ in self.items:
            tp = TopicPartition(received.topic, received.partition)
            offsets[tp] = max(offsets.get(tp, 0), received.offset + 1)
        return offsets

    def __len__(self) -> int:
        return len(self.items)
