"""Reading a topic from the beginning up to its current end, without a consumer group."""

from dataclasses import dataclass
from typing import Any

from aiokafka import TopicPartition

from consumers.kafka.clients import make_admin, make_consumer
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
    timestamp_ms: int = 0


def read_record(record: Any) -> ReadRecord:
    """An aiokafka consumer record as read back: where it was, its bytes, its headers and its timestamp."""
    return ReadRecord(
        record.topic, record.partition, record.offset, record.key, record.value, tuple(record.headers), record.timestamp
    )


async def read_to_end(kafka: KafkaSettings, topics: list[str]) -> dict[str, list[ReadRecord]]:
    """Every record now in ``topics`` (the ends are taken when reading starts)."""
    partitions = await topic_partitions(kafka, topics)
    records: dict[str, list[ReadRecord]] = {topic: [] for topic in topics}
    if not partitions:
        return records
    consumer = make_consumer(kafka, group_id=None)
    await consumer.start()
    try:
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        remaining = {tp for tp in partitions if await consumer.position(tp) < ends[tp]}
        while remaining:
            fetched = await consumer.getmany(*remaining, timeout_ms=1000)
            for tp, batch in fetched.items():
                records[tp.topic].extend(read_record(r) for r in batch)
            remaining = {tp for tp in remaining if await consumer.position(tp) < ends[tp]}
        return records
    finally:
        await consumer.stop()


async def topic_partitions(kafka: KafkaSettings, topics: list[str]) -> list[TopicPartition]:
    """Every partition of the ``topics`` that exist."""
    admin = make_admin(kafka)
    await admin.start()
    try:
        described = await admin.describe_topics(topics)
    finally:
        await admin.close()
    return [
        TopicPartition(topic["topic"], partition["partition"])
        for topic in described
        if topic["error_code"] == 0
        for partition in sorted(topic["partitions"], key=lambda p: int(p["partition"]))
    ]
