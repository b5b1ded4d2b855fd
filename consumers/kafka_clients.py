"""Kafka clients built from settings, so every client gets the same security options."""

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from consumers.settings import KafkaSettings


def make_producer(kafka: KafkaSettings) -> AIOKafkaProducer:
    """An idempotent producer (acks=all): retries never write duplicates."""
    return AIOKafkaProducer(
        **kafka.client_options(), enable_idempotence=True, acks="all", linger_ms=5, compression_type=None
    )


def make_consumer(kafka: KafkaSettings, group_id: str | None, auto_offset_reset: str = "earliest") -> AIOKafkaConsumer:
    """A consumer that never commits on its own: offsets are committed after outputs are acknowledged."""
    return AIOKafkaConsumer(
        **kafka.client_options(),
        group_id=group_id,
        enable_auto_commit=False,
        auto_offset_reset=auto_offset_reset,
        isolation_level="read_committed",
    )


def make_admin(kafka: KafkaSettings) -> AIOKafkaAdminClient:
    """An admin client for creating topics."""
    return AIOKafkaAdminClient(**kafka.client_options())
