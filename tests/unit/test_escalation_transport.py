"""The escalation app's consumer fetches only for the partitions active when a fetch starts."""

import asyncio
from typing import Any

from faust.types import TP

from consumers.apps.escalation.transport import ActiveOnlyConsumer, ActiveOnlyTransport, EscalationApp

SOURCE, CHANGELOG = TP("stance.events", 0), TP("escalation-buckets-changelog", 0)


class SlowThread:
    """The consumer thread's fetch: it reads the partition set it was given only after a pause, as aiokafka does."""

    def __init__(self) -> None:
        self.fetched_for: list[set[TP] | None] = []

    async def getmany(self, active_partitions: set[TP] | None, timeout: float) -> dict[TP, list[Any]]:  # noqa: ASYNC109
        await asyncio.sleep(0.01)
        self.fetched_for.append(None if active_partitions is None else set(active_partitions))
        return {}


def consumer_with(thread: SlowThread) -> ActiveOnlyConsumer:
    consumer = ActiveOnlyConsumer.__new__(ActiveOnlyConsumer)  # no app or broker: only the fetch step is tried
    consumer._thread = thread  # type: ignore[assignment]
    return consumer


async def test_a_fetch_reads_the_partitions_active_when_it_started() -> None:
    thread = SlowThread()
    active = {SOURCE, CHANGELOG}
    fetch = asyncio.ensure_future(consumer_with(thread)._getmany(active, timeout=1.0))
    await asyncio.sleep(0)
    active.clear()  # a recovery ends: changelogs paused, sources not yet resumed
    await fetch
    assert thread.fetched_for == [{SOURCE, CHANGELOG}], "not the emptied set, which aiokafka reads as every partition"


async def test_no_active_partition_fetches_nothing_and_a_client_only_app_fetches_all() -> None:
    thread = SlowThread()
    consumer = consumer_with(thread)
    assert await consumer._getmany(set(), timeout=0.01) == {}
    await consumer._getmany(None, timeout=0.01)
    assert thread.fetched_for == [None], "only the client-only call reached the fetcher"


def test_the_app_builds_its_consumer_from_the_active_only_transport() -> None:
    app = EscalationApp("transport-check", broker="kafka://127.0.0.1:9", store="memory://", web_enabled=False)
    assert isinstance(app.transport, ActiveOnlyTransport), "not faust's own, picked by the broker URL's scheme"
    assert app.transport.Consumer is ActiveOnlyConsumer  # the consumer it creates (creating one opens a client)
