"""Creating the topics stancewire reads and writes."""

import asyncio
import logging
from collections.abc import Iterable

from aiokafka.admin import NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import TopicAlreadyExistsError

from consumers.errors import ConfigurationError
from consumers.kafka.clients import make_admin
from consumers.settings import Settings
from schemas.topics import KINDS, OUTPUT_KINDS, TOPICS, TopicKind

BATCH_OVERHEAD_BYTES = 12  # Kafka's log overhead: its default max.message.bytes is the producer's default + 12

logger = logging.getLogger(__name__)


async def create_topics(settings: Settings, partitions: int | None = None) -> list[str]:
    """Create the missing topics; return the names created (existing ones are left alone)."""
    admin = make_admin(settings.kafka)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = {settings.topics.name(kind): kind for kind in KINDS}
        new = [
            NewTopic(
                name,
                partitions or settings.topics.partitions,
                settings.topics.replication_factor,
                topic_configs=_configs(settings, kind),
            )
            for name, kind in wanted.items()
            if name not in existing
        ]
        if new:
            try:
                await admin.create_topics(new)
            except TopicAlreadyExistsError:
                logger.info("topics were created concurrently by another client")
        return [topic.name for topic in new]
    finally:
        await admin.close()


def _configs(settings: Settings, kind: TopicKind) -> dict[str, str]:
    """A new topic's configs: its cleanup policy, and for outputs a message limit our producers' records fit."""
    configs: dict[str, str] = {"cleanup.policy": TOPICS[kind].cleanup_policy}
    if kind in OUTPUT_KINDS:
        configs["max.message.bytes"] = str(settings.kafka.max_request_size + BATCH_OVERHEAD_BYTES)
    return configs


async def message_limits(settings: Settings, kinds: Iterable[TopicKind] = OUTPUT_KINDS) -> dict[str, int]:
    """Each topic's ``max.message.bytes`` as the broker applies it (topic override or broker default)."""
    names = [settings.topics.name(kind) for kind in kinds]
    admin = make_admin(settings.kafka)
    await admin.start()
    try:
        responses = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, name) for name in names])
    finally:
        await admin.close()
    limits: dict[str, int] = {}
    for response in responses:
        for _error, _message, _type, name, entries, *_ in response.resources:
            for entry_name, value, *_ in entries:
                if entry_name == "max.message.bytes" and value is not None:
                    limits[name] = int(value)
    return limits


async def check_record_limit(settings: Settings) -> None:
    """Fail at start-up, not on the first large record, when an output topic takes less than the producer sends."""
    largest = settings.kafka.max_request_size
    for topic, limit in (await message_limits(settings)).items():
        if limit < largest:
            raise ConfigurationError(
                f"topic {topic} accepts messages up to {limit} bytes (max.message.bytes) but "
                f"STANCEWIRE_KAFKA__MAX_REQUEST_SIZE is {largest}: lower the setting or raise the topic's limit"
            )


async def ping(settings: Settings, timeout_s: float) -> None:
    """Return when the broker answers a metadata request; raise TimeoutError otherwise."""
    admin = make_admin(settings.kafka)
    async with asyncio.timeout(timeout_s):
        await admin.start()
        try:
            await admin.list_topics()
        finally:
            await admin.close()
