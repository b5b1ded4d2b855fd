"""Reading a topic from the beginning up to its current end, without a consumer group."""

from dataclasses import dataclass

from aiokafka import TopicPartition

from consumers.kafka_clients import make_consumer
from consumers.settings import KafkaSettings


@dataclass(frozen=True, slots=True)
class ReadRecord:
    """A record read back, with its headers."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...]


async def read_to_end(kafka: KafkaSettings, topics: list[str]) -> dict[str, list[ReadRecord]]:
    """Every record now in ``topics`` (the ends are taken when reading starts)."""
    consumer = make_consumer(kafka, group_id=None)
    await consumer.start()
    try:
        partitions = [
            TopicPartition(topic, p) for topic in topics for p in sorted(consumer.partitions_for_topic(topic) or ())
        ]
        if not partitions:
            return {topic: [] for topic in topics}
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        records: dict[str, list[ReadRecord]] = {topic: [] for topic in topics}
        remaining = {tp for tp in partitions if await consumer.position(tp) < ends[tp]}
        while remaining:
            fetched = await consumer.getmany(*remaining, timeout_ms=1000)
            for tp, batch in fetched.items():
                records[tp.topic].extend(
                    ReadRecord(r.topic, r.partition, r.offset, r.key, r.value, tuple(r.headers)) for r in batch
                )
            remaining = {tp for tp in remaining if await consumer.position(tp) < ends[tp]}
        return records
    finally:
        await consumer.stop()
