"""The worker's dead-letter policy: count, log and limit the messages that become dead letters.

A run of dead letters longer than the limit, or too large a share of recent
messages, stops the worker: a bad deploy should not dead-letter everything.
Steps see only ``DeadLetterPolicy``, so another policy plugs in without them.
"""

import logging
from collections import deque
from typing import Protocol

from consumers.core import Outcome, Received
from consumers.errors import DeadLetterLimitExceeded
from consumers.runtime.metrics import DEAD_LETTERED
from schemas import DeadLetter

logger = logging.getLogger(__name__)


class DeadLetterPolicy(Protocol):
    """Told every message's outcome, in order; raises to stop the worker (nothing past it is committed)."""

    def observe(self, received: Received, outcome: Outcome) -> None: ...


class DeadLetterGuard:
    """Stops the worker when too many messages in a row, or too large a share of recent ones, are dead."""

    def __init__(self, max_consecutive: int, max_ratio: float = 1.0, window: int = 1000) -> None:
        self._max_consecutive = max_consecutive
        self._max_ratio = max_ratio
        self._recent: deque[bool] = deque(maxlen=window)
        self._consecutive = 0

    def observe(self, received: Received, outcome: Outcome) -> None:
        """Count one message's outcome (logging and metering a dead letter); raise once the limits are passed."""
        if isinstance(outcome, DeadLetter):
            DEAD_LETTERED.labels(outcome.error_class).inc()
            logger.warning(
                "dead-lettering %s/%d@%d: %s: %s",
                received.topic,
                received.partition,
                received.offset,
                outcome.error_class,
                outcome.reason,
                extra={
                    "topic": received.topic,
                    "partition": received.partition,
                    "offset": received.offset,
                    "error_class": outcome.error_class,
                },
            )
        self.record(dead=isinstance(outcome, DeadLetter))

    def record(self, dead: bool) -> None:
        """Count one processed message; raise once the limits are passed."""
        self._consecutive = self._consecutive + 1 if dead else 0
        self._recent.append(dead)
        advice = "stopping instead of dead-lettering everything: check the producer or this deploy"
        if self._consecutive > self._max_consecutive:
            raise DeadLetterLimitExceeded(
                f"{self._consecutive} messages in a row could not be processed (limit {self._max_consecutive}); "
                + advice
            )
        dead_share = sum(self._recent) / len(self._recent)
        if len(self._recent) == self._recent.maxlen and dead_share > self._max_ratio:
            raise DeadLetterLimitExceeded(
                f"{dead_share:.0%} of the last {len(self._recent)} messages could not be processed "
                f"(limit {self._max_ratio:.0%}); " + advice
            )
