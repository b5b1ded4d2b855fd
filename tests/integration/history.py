"""Helpers for tests of replays, offset resets and subscribers: articles published at given times."""

from datetime import UTC, datetime, timedelta

from aiokafka import TopicPartition

from consumers.commands.offsets_reset import committed_offsets
from consumers.core import Record
from consumers.kafka.clients import make_producer
from consumers.kafka.read_range import timestamp_ms
from consumers.settings import Settings
from tests.integration.articles import generated_articles

# Record times within the broker's retention (24 h in docker/kafka-local.sh): older records get deleted mid-test.
_NOW = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
EARLIER = _NOW - timedelta(hours=8)
BETWEEN = _NOW - timedelta(hours=6)
LATER = _NOW - timedelta(hours=4)


async def publish_at(settings: Settings, prefix: str, count: int, when: datetime, partition: int | None = None) -> None:
    """Publish ``count`` generated articles with the record timestamp ``when``."""
    producer = make_producer(settings.kafka)
    await producer.start()
    try:
        for article in generated_articles(count, prefix):
            await producer.send_and_wait(
                settings.topics.name("raw"),
                article.model_dump_json().encode(),
                article.id.encode(),
                partition=partition,
                timestamp_ms=timestamp_ms(when),
            )
    finally:
        await producer.stop()


async def raw_offsets(settings: Settings, group_id: str) -> dict[TopicPartition, int]:
    """The group's committed offsets on the raw topic."""
    return await committed_offsets(settings, group_id, settings.topics.name("raw"))


async def produce(settings: Settings, records: list[Record], when: datetime | None = None) -> None:
    """Send ``records`` in order (with the record timestamp ``when``) and wait for every acknowledgement."""
    producer = make_producer(settings.kafka)
    await producer.start()
    try:
        stamp = timestamp_ms(when) if when else None
        for record in records:
            await producer.send_and_wait(
                settings.topics.name(record.kind),
                record.value,
                record.key,
                headers=record.headers or None,
                timestamp_ms=stamp,
            )
    finally:
        await producer.stop()
