"""Where to start and stop reading a topic: timestamps, explicit offsets, the ends.

Shared by ``stancewire replay``, ``stancewire offsets reset`` and
``stancewire tail``, so "from 2026-03-01" means the same offset everywhere:
per partition, the first record whose timestamp is at or after it
(Kafka's ``offsets_for_times``), or the end when there is none.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer, TopicPartition

from consumers.errors import ConfigurationError
from consumers.kafka.reader import topic_partitions
from consumers.settings import Settings

_RANGE = re.compile(r"^(?P<partition>\d+):(?P<start>\d*)-(?P<end>\d*)$")


def parse_timestamp(text: str) -> datetime:
    """An ISO 8601 date or date-time; without a zone it is UTC."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise ConfigurationError(f"not an ISO 8601 timestamp: {text!r} (e.g. 2026-03-01T12:00:00Z)") from error
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def timestamp_ms(moment: datetime) -> int:
    """Milliseconds since the epoch, as Kafka timestamps are."""
    return int(moment.timestamp() * 1000)


@dataclass(frozen=True, slots=True)
class OffsetRange:
    """Offsets ``start`` (inclusive) to ``end`` (exclusive) of one partition; None: its beginning / its end."""

    partition: int
    start: int | None
    end: int | None


def parse_ranges(specs: Iterable[str]) -> list[OffsetRange]:
    """Parse ``PARTITION:START-END`` specs (either bound may be empty: ``0:100-``, ``2:-500``)."""
    ranges = []
    for spec in specs:
        match = _RANGE.match(spec.strip())
        if match is None:
            raise ConfigurationError(f"not an offset range: {spec!r} (expected PARTITION:START-END, e.g. 0:100-250)")
        start, end = (int(match[name]) if match[name] else None for name in ("start", "end"))
        if start is not None and end is not None and end < start:
            raise ConfigurationError(f"offset range {spec!r} ends before it starts")
        ranges.append(OffsetRange(int(match["partition"]), start, end))
    partitions = [r.partition for r in ranges]
    if len(partitions) != len(set(partitions)):
        raise ConfigurationError("each partition may be given one offset range")
    return ranges


async def offsets_at(
    consumer: AIOKafkaConsumer, partitions: list[TopicPartition], moment: datetime
) -> dict[TopicPartition, int]:
    """Per partition, the first offset at or after ``moment``; the end offset where nothing is that recent."""
    found = await consumer.offsets_for_times({tp: timestamp_ms(moment) for tp in partitions})
    ends: dict[TopicPartition, int] = await consumer.end_offsets(partitions)
    return {tp: found[tp].offset if found.get(tp) is not None else ends[tp] for tp in partitions}


async def beginnings(consumer: AIOKafkaConsumer, partitions: list[TopicPartition]) -> dict[TopicPartition, int]:
    """The first offset still stored in each partition."""
    return dict(await consumer.beginning_offsets(partitions))


async def ends(consumer: AIOKafkaConsumer, partitions: list[TopicPartition]) -> dict[TopicPartition, int]:
    """The offset after the last committed record of each partition (read_committed consumers)."""
    return dict(await consumer.end_offsets(partitions))


async def raw_partitions(settings: Settings) -> list[TopicPartition]:
    """Every partition of the raw topic; a clear error when the topic does not exist."""
    raw = settings.topics.name("raw")
    partitions = await topic_partitions(settings.kafka, [raw])
    if not partitions:
        raise ConfigurationError(f"topic {raw} does not exist")
    return partitions
