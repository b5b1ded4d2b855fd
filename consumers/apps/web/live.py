"""Follows ``stance.events`` and ``alerts`` on the broker and fans each new record out to the open pages.

No consumer group: the page's server reads, it never owns partitions. It
starts at the end of ``stance.events`` (the sink's tables hold the past) and
a little before the end of ``alerts`` (the sink stores them too; the page
merges both), and keeps
what it read in memory so a reload shows it even before the sink has it.
"""

import asyncio
import contextlib
import logging
from collections import OrderedDict, deque
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError
from pydantic import ValidationError

from consumers.apps.web.relations import Relation, from_event
from consumers.kafka.clients import make_consumer
from consumers.kafka.reader import topic_partitions
from consumers.settings import Settings
from schemas import Alert, StanceEvent, decode

logger = logging.getLogger(__name__)
RECENT_ALERTS = 100
LIVE_RELATIONS = 50_000


class Hub:
    """The open pages' queues; a page too slow to keep up loses messages rather than holding the others."""

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue[tuple[str, Any]]] = set()

    def join(self) -> asyncio.Queue[tuple[str, Any]]:
        queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue(maxsize=1000)
        self._queues.add(queue)
        return queue

    def leave(self, queue: asyncio.Queue[tuple[str, Any]]) -> None:
        self._queues.discard(queue)

    def publish(self, kind: str, data: Any) -> None:
        for queue in self._queues:
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait((kind, data))


class Follower:
    """Reads both topics until cancelled; ``ready`` is set once positioned, so later records are pushed."""

    def __init__(self, settings: Settings, hub: Hub) -> None:
        self._settings = settings
        self._hub = hub
        self._stance = settings.topics.name("stance")
        self._alerts = settings.topics.name("alerts")
        self.ready = asyncio.Event()
        self.relations: OrderedDict[str, Relation] = OrderedDict()
        self.alerts: deque[dict[str, Any]] = deque(maxlen=RECENT_ALERTS)

    async def run(self) -> None:
        """Follow the topics; while the broker cannot be reached the page serves the stored graph, and waits."""
        while True:
            try:
                await self._follow()
            except KafkaError as error:
                logger.warning("cannot follow %s: %s; retrying in 5 s", self._settings.kafka.bootstrap_servers, error)
                await asyncio.sleep(5)

    async def _follow(self) -> None:
        partitions = await topic_partitions(self._settings.kafka, [self._stance, self._alerts])
        while not {tp.topic for tp in partitions} >= {self._stance, self._alerts}:
            logger.warning("waiting for topics %s and %s (stancewire topics create)", self._stance, self._alerts)
            await asyncio.sleep(5)
            partitions = await topic_partitions(self._settings.kafka, [self._stance, self._alerts])
        consumer = make_consumer(self._settings.kafka, None, "latest")
        await consumer.start()
        try:
            await self._position(consumer, partitions)
            self.ready.set()
            while True:
                fetched = await consumer.getmany(timeout_ms=500, max_records=500)
                for tp, records in fetched.items():
                    for record in records:
                        self._take(tp.topic, record.value, record.timestamp)
        finally:
            await consumer.stop()

    async def _position(self, consumer: AIOKafkaConsumer, partitions: list[TopicPartition]) -> None:
        consumer.assign(partitions)
        ends = await consumer.end_offsets(partitions)
        for tp in partitions:
            back = RECENT_ALERTS if tp.topic == self._alerts else 0
            consumer.seek(tp, max(0, ends[tp] - back))

    def _take(self, topic: str, value: bytes | None, timestamp_ms: int) -> None:
        try:
            if topic == self._stance:
                relation = from_event(decode(StanceEvent, value or b""), timestamp_ms)
                self.relations[relation.event_id] = relation
                while len(self.relations) > LIVE_RELATIONS:
                    self.relations.popitem(last=False)
                self._hub.publish("stance", relation.as_json())
            else:
                alert = alert_json(decode(Alert, value or b""), timestamp_ms)
                self.alerts.appendleft(alert)
                self._hub.publish("alert", alert)
        except (ValueError, TypeError, ValidationError) as error:
            logger.warning("skipping a record of %s that is not an event: %s", topic, error)


def alert_json(alert: Alert, timestamp_ms: int) -> dict[str, Any]:
    """An alert for the feed: when it was published, its severity, summary, pair and first evidence."""
    return {
        "event_id": alert.event_id,
        "rule_id": alert.rule_id,
        "severity": str(alert.severity),
        "summary": alert.summary,
        "entities": alert.entities,
        "evidence": alert.evidence[0].text if alert.evidence else "",
        "time": datetime.fromtimestamp(timestamp_ms / 1000, UTC).isoformat(),
    }
