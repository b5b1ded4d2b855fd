"""The escalation app's per-event steps on stand-ins for faust's windowed tables: once per event, alerts never lost."""

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from consumers.apps.escalation.escalator import Escalator
from consumers.core.alerts.rules import EscalationRule
from schemas import Alert, decode
from tests.factories import stance_event

RULE = EscalationRule(threshold=2, window_s=3600, step_s=600, expires_s=7200)
WATCHED = frozenset({"country:RUS", "bloc:west"})
START = datetime(2027, 1, 15, 8, tzinfo=UTC)


class Windowed:
    """``table[key][window_range]`` as a faust windowed table reads and writes it."""

    def __init__(self, default: Callable[[], Any]) -> None:
        self.data: dict[tuple[str, tuple[float, float]], Any] = {}
        self._default = default

    def __getitem__(self, key: str) -> "Windowed._Set":
        return Windowed._Set(self, key)

    class _Set:
        def __init__(self, table: "Windowed", key: str) -> None:
            self._table, self._key = table, key

        def __getitem__(self, window: tuple[float, float]) -> Any:
            return self._table.data.get((self._key, window), self._table._default())

        def __setitem__(self, window: tuple[float, float], value: Any) -> None:
            self._table.data[(self._key, window)] = value


class Topic:
    """Records what is sent; each send is acknowledged at once."""

    def __init__(self) -> None:
        self.sent: list[Alert] = []

    async def send(self, *, key: bytes | None, value: bytes, force: bool) -> "asyncio.Future[None]":
        self.sent.append(decode(Alert, value))
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done


def escalator(clock: float | None = None) -> tuple[Escalator, Windowed, Windowed, Topic]:
    buckets, alerted, topic = Windowed(list), Windowed(bool), Topic()
    now = clock if clock is not None else (START + timedelta(hours=1)).timestamp()
    found = Escalator(RULE, WATCHED, (buckets, alerted), topic, 300.0, clock=lambda: now)
    return found, buckets, alerted, topic


def hostile(article_id: str, minutes: float) -> Any:
    return stance_event(article_id, "country:RUS", "bloc:west", "hostile", START + timedelta(minutes=minutes))


def counts(buckets: Windowed) -> dict[float, int]:
    return {window[0]: len(ids) for (_, window), ids in buckets.data.items()}


async def test_a_redelivered_event_counts_once_and_a_window_alerts_once() -> None:
    app, buckets, _, topic = escalator()
    for event in [hostile("a1", 1), hostile("a2", 2), hostile("a1", 1), hostile("b1", 12)]:
        await app.handle(event, 0.0)
    assert counts(buckets) == {START.timestamp(): 2, START.timestamp() + 600: 1}
    assert topic.sent == [], "a1 counted once: 2 in the window from 08:00 is not over the threshold"
    await app.handle(hostile("a3", 3), 0.0)
    await app.handle(hostile("a3", 3), 0.0)
    await app.handle(hostile("a4", 4), 0.0)
    assert [a.article_ids for a in topic.sent] == [["a3"]], "a1, a2, a3 and b1 in the window from 08:00, alerted once"
    assert "4 hostile relations in the 1 h from 2027-01-15 08:00 UTC, up from 0" in topic.sent[0].summary


async def test_an_alert_sent_but_not_marked_before_a_kill_is_sent_again_with_the_same_id() -> None:
    app, _, alerted, topic = escalator()
    for event in [hostile("a1", 1), hostile("a2", 2), hostile("a3", 3)]:
        await app.handle(event, 0.0)
    alerted.data.clear()  # the mark was lost in the kill, the counts were not
    await app.handle(hostile("a3", 3), 0.0)  # redelivered
    assert len(topic.sent) == 2 and topic.sent[0].event_id == topic.sent[1].event_id


async def test_future_and_expired_events_are_not_counted_and_are_counted_as_rejected() -> None:
    app, buckets, _, topic = escalator()
    await app.handle(stance_event("f", "country:RUS", "bloc:west", "hostile", datetime(9999, 12, 31, tzinfo=UTC)), 0)
    await app.handle(hostile("old", -RULE.expires_s / 60 - 20), 0.0)
    await app.handle(stance_event("kind", "country:RUS", "bloc:west", "cooperative", START), 0.0)
    assert buckets.data == {} and topic.sent == [] and app.rejected == 2
