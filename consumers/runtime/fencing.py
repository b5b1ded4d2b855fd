"""Exactly-once across rebalances: a partition's new owner fences its last owner before it reads on.

Each input partition has its own transactional producer
(``PartitionProducers``, ``<prefix>-<topic>-<partition>``). On assignment,
fetching of the new partitions stops until their producers have started,
which aborts or waits out the last owner's open transaction; only then are
the committed offsets read, and fetching resumes from them. Records fetched
before that, from offsets read before the fence, are trimmed at the commit
step (``PartitionProducers.unseen``).
"""

import asyncio
from typing import Literal

from aiokafka import AIOKafkaConsumer, TopicPartition

from consumers.runtime.records import Received
from consumers.runtime.steps.transact import PartitionProducers
from consumers.settings import WorkerSettings


def transactional_id_prefix(worker: WorkerSettings) -> str:
    """What every exactly-once producer id starts with: one id per input partition, the same on every worker."""
    return worker.transactional_id_prefix or worker.group_id


def by_partition(records: list[Received]) -> dict[TopicPartition, list[Received]]:
    """The records of each partition, in order: a transaction commits one partition."""
    grouped: dict[TopicPartition, list[Received]] = {}
    for record in records:
        grouped.setdefault(TopicPartition(record.topic, record.partition), []).append(record)
    return grouped


class PartitionFence:
    """Fences newly assigned partitions' last owners and seeks to what they committed."""

    def __init__(
        self,
        consumer: AIOKafkaConsumer,
        producers: PartitionProducers,
        auto_offset_reset: Literal["earliest", "latest"],
        lock: asyncio.Lock,
    ) -> None:
        """``lock``: the worker's pipeline lock, held so that its loop does not resume the partitions meanwhile."""
        self._consumer = consumer
        self._producers = producers
        self._earliest = auto_offset_reset == "earliest"
        self._lock = lock

    async def fence(self, assigned: set[TopicPartition]) -> None:
        async with self._lock:
            self._consumer.pause(*assigned)
            await self._producers.assign(assigned)
            for tp in assigned:
                committed = await self._consumer.committed(tp)
                if committed is None:  # nothing committed yet: where auto_offset_reset says
                    await (self._consumer.seek_to_beginning(tp) if self._earliest else self._consumer.seek_to_end(tp))
                else:
                    self._consumer.seek(tp, committed)
                self._producers.start_at(tp, await self._consumer.position(tp))
            self._consumer.resume(*assigned)
