"""Kafka clients built from settings, so every client gets the same security options."""

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from consumers.settings import KafkaSettings


def make_producer(kafka: KafkaSettings, transactional_id: str | None = None) -> AIOKafkaProducer:
    """An idempotent producer (acks=all): its own retries never write duplicates; transactional when given an id."""
    return AIOKafkaProducer(
        **kafka.client_options(), enable_idempotence=True, acks="all", linger_ms=5, transactional_id=transactional_id
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
