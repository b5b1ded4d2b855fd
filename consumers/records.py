"""The plain data that flows between pipeline steps."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from aiokafka import TopicPartition

T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True, slots=True)
class Received:
    """One record as consumed, bytes untouched."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    timestamp_ms: int | None = None

    @property
    def topic_partition(self) -> TopicPartition:
        return TopicPartition(self.topic, self.partition)


@dataclass(frozen=True, slots=True)
class OutRecord:
    """One record to produce."""

    topic: str
    key: bytes | None
    value: bytes | None
    headers: list[tuple[str, bytes]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Batch(Generic[T]):
    """Consumed records travelling together, each with what the steps so far made of it."""

    items: list[tuple[Received, T]]

    @classmethod
    def of(cls, received: Iterable[Received]) -> "Batch[Received]":
        records = list(received)
        return Batch([(record, record) for record in records])

    def replace(self, payloads: Iterable[U]) -> "Batch[U]":
        """The same records with new payloads, in the same order."""
        return Batch([(received, payload) for (received, _), payload in zip(self.items, payloads, strict=True)])

    def next_offsets(self) -> dict[TopicPartition, int]:
        """Per partition, the offset to commit once this batch is done (last offset + 1)."""
        offsets: dict[TopicPartition, int] = {}
        for received, _ in self.items:
            tp = received.topic_partition
            offsets[tp] = max(offsets.get(tp, 0), received.offset + 1)
        return offsets

    def __len__(self) -> int:
        return len(self.items)
