"""The tables' changelog topics, declared with their expiry before faust starts.

faust would create them compacted with ``retention.ms``, but a broker that
creates topics on first use (``auto.create.topics.enable``, Kafka's default)
can win the race and create them with its defaults (``delete``, its
retention), and a topic left by an earlier version keeps its old settings.
So ``stancewire alerts`` creates them first, or sets the configuration on the
ones already there: compacted and deleted after ``expires_s``, in segments
rolled every ``window_s`` (retention only deletes whole, closed segments).
"""

import logging

from aiokafka.admin import NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import TopicAlreadyExistsError

from consumers.apps.escalation.app import TABLES, changelog_topic
from consumers.core.alerts.rules import EscalationRule
from consumers.kafka.clients import make_admin
from consumers.settings import Settings

logger = logging.getLogger(__name__)


def changelog_configs(rule: EscalationRule) -> dict[str, str]:
    """The topic configuration that makes a table's changelog expire with its windows."""
    return {
        "cleanup.policy": "compact,delete",
        "retention.ms": str(rule.expires_s * 1000),
        "segment.ms": str(rule.window_s * 1000),
    }


async def declare_changelogs(settings: Settings, rule: EscalationRule, partitions: int) -> None:
    """Create the missing changelog topics; set the expiry on those that exist."""
    configs = changelog_configs(rule)
    names = [changelog_topic(settings, table) for table in TABLES]
    admin = make_admin(settings.kafka)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        new = [NewTopic(n, partitions, settings.topics.replication_factor, topic_configs=configs) for n in names]
        missing = [topic for topic in new if topic.name not in existing]
        if missing:
            try:
                await admin.create_topics(missing)
            except TopicAlreadyExistsError:
                logger.info("changelog topics were created concurrently; setting their configuration")
                existing = set(names)
        present = [ConfigResource(ConfigResourceType.TOPIC, n, configs) for n in names if n in existing]
        if present:
            await admin.alter_configs(present)
    finally:
        await admin.close()
