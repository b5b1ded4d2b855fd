"""Kafka clients built from settings, so every client gets the same security options."""

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from consumers.settings import KafkaSettings


def make_producer(kafka: KafkaSettings, transactional_id: str | None = None) -> AIOKafkaProducer:
    """An idempotent producer (acks=all): its own retries never write duplicates; transactional when given an id."""
    return AIOKafkaProducer(
        **kafka.client_options(),
        enable_idempotence=True,
        acks="all",
        linger_ms=5,
        transactional_id=transactional_id,
        max_request_size=kafka.max_request_size,
    )


def make_consumer(
    kafka: KafkaSettings,
    group_id: str | None,
    auto_offset_reset: str = "earliest",
    rebalance_timeout_ms: int | None = None,
) -> AIOKafkaConsumer:
    """A consumer that never commits on its own: offsets are committed after outputs are acknowledged.

    ``rebalance_timeout_ms``: how long the group waits for this member to finish its revoke callback
    (aiokafka's default is the 10 s session timeout); the worker sets it above its drain bound.
    """
    return AIOKafkaConsumer(
        **kafka.client_options(),
        group_id=group_id,
        enable_auto_commit=False,
        auto_offset_reset=auto_offset_reset,
        isolation_level="read_committed",
        rebalance_timeout_ms=rebalance_timeout_ms,
    )


def make_admin(kafka: KafkaSettings) -> AIOKafkaAdminClient:
    """An admin client for creating topics."""
    return AIOKafkaAdminClient(**kafka.client_options())
