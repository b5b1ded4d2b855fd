"""One stance event through the escalation app's tables: checked, counted once, and alerted on at least once.

Guarantees (at-least-once processing, SIGKILL included):

- **Counts are exact.** An event is one write: the id list of its bucket
  (``escalation-buckets``), with its id added. faust flushes table writes
  before it commits the source offsets, so a killed app redelivers every
  event whose write may be missing, and one whose write is there changes
  nothing the second time.
- **Each (pair, window) alert is published at least once, at most once per
  redelivery.** The alert is sent and acknowledged before the window is
  marked alerted (``escalation-alerted``): a kill between the two sends it
  again, with the same ``event_id`` (rule, pair, window), which subscribers
  drop. A kill never loses one: a redelivered event is checked again even
  when it was already counted.
"""

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

import faust

from consumers.apps.escalation.logic import (
    bucket_start,
    counted,
    escalates,
    escalation_alert,
    event_time,
    pair_key,
    rejection,
    window_count,
    with_event,
)
from consumers.apps.escalation.metrics import ESCALATION_ALERTS, EVENTS
from consumers.core.alerts.rules import EscalationRule
from schemas import StanceEvent, encode
from schemas.topics import ALERTS

logger = logging.getLogger(__name__)


class AlertTopic(Protocol):
    """Where alerts go (a faust topic): ``await send(...)`` queues one, awaiting its result waits for the ack."""

    async def send(self, *, key: bytes | None, value: bytes, force: bool) -> Awaitable[Any]: ...


class Escalator:
    """Counts and alerts inside the agent (faust tables are written from the event being processed)."""

    def __init__(
        self,
        rule: EscalationRule,
        watched: frozenset[str],
        tables: tuple[Any, Any],
        alerts_topic: AlertTopic,
        max_future_s: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """``tables``: the bucket table (tumbling, ``step_s``) and the alerted table (hopping), both windowed."""
        self._rule, self._watched, self._max_future_s, self._clock = rule, watched, max_future_s, clock
        self._buckets, self._alerted = tables
        self._topic = alerts_topic
        self._bucket_window = faust.TumblingWindow(rule.step_s)
        self._window = faust.HoppingWindow(rule.window_s, rule.step_s)
        self.rejected = 0

    async def handle(self, event: StanceEvent, record_timestamp_s: float) -> None:
        """Count ``event`` if the rule does and its time is acceptable, then alert when its window escalates."""
        if not counted(self._rule, self._watched, event):
            EVENTS.labels("not counted").inc()
            return
        at = event_time(event, record_timestamp_s)
        why = rejection(at, self._clock(), self._rule, self._max_future_s)
        if why is not None:
            EVENTS.labels("rejected").inc()
            self.rejected += 1
            logger.warning("not counting stance event %s: %s (%d so far)", event.event_id, why, self.rejected)
            return
        EVENTS.labels("counted").inc()
        key = pair_key(event)
        bucket = self._bucket_window.current(at)
        added = with_event(self._buckets[key][bucket], event.event_id)
        if added is not None:
            self._buckets[key][bucket] = added
        await self._alert_if_rising(event, key, at)

    def _ids(self, key: str, start: float) -> list[str]:
        return list(self._buckets[key][self._bucket_window.current(start)])

    async def _alert_if_rising(self, event: StanceEvent, key: str, at: float) -> None:
        start = bucket_start(at, self._rule)
        count = window_count(lambda b: self._ids(key, b), start, self._rule)
        before = window_count(lambda b: self._ids(key, b), start - self._rule.window_s, self._rule)
        window = self._window.current(at)
        if not escalates(self._rule, count, before) or self._alerted[key][window]:
            return
        alert = escalation_alert(self._rule, event, start, count, before)
        # force: sent now, not held back until the source offset is committed (which waits for this event)
        delivery = await self._topic.send(key=ALERTS.key(alert), value=encode(alert), force=True)
        await delivery  # acknowledged before it is marked: a kill in between repeats it, never loses it
        self._alerted[key][window] = True
        ESCALATION_ALERTS.inc()
        logger.info("escalation: %s", alert.summary)
