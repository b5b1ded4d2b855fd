"""Creating the topics stancewire reads and writes."""

import asyncio
import logging

from aiokafka.admin import NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from consumers.kafka.clients import make_admin
from consumers.settings import Settings
from schemas.topics import KINDS, TOPICS

logger = logging.getLogger(__name__)


async def create_topics(settings: Settings, partitions: int | None = None) -> list[str]:
    """Create the missing topics; return the names created (existing ones are left alone)."""
    admin = make_admin(settings.kafka)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = {settings.topics.name(kind): TOPICS[kind] for kind in KINDS}
        new = [
            NewTopic(
                name,
                partitions or settings.topics.partitions,
                settings.topics.replication_factor,
                topic_configs={"cleanup.policy": topic.cleanup_policy},
            )
            for name, topic in wanted.items()
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


async def ping(settings: Settings, timeout_s: float) -> None:
    """Return when the broker answers a metadata request; raise TimeoutError otherwise."""
    admin = make_admin(settings.kafka)
    async with asyncio.timeout(timeout_s):
        await admin.start()
        try:
            await admin.list_topics()
        finally:
            await admin.close()
