"""Which Kafka failures are transient, and how long to wait before trying again.

Transient failures (broker unavailable, request timeouts, leadership moving)
are retried with capped exponential backoff and never dead-lettered: the
message is fine, the cluster is not.
"""

import asyncio
from dataclasses import dataclass

from aiokafka.errors import (
    CorruptRecordException,
    InvalidTimestampError,
    KafkaError,
    KafkaTimeoutError,
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    RecordTooLargeError,
)

# What the broker (or the client's own checks) refuses in one record, the others going through: the record is
# at fault, not the cluster, so it is dead-lettered instead of stopping the worker.
_RECORD_ERRORS = (
    CorruptRecordException,
    InvalidTimestampError,
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    RecordTooLargeError,
    AssertionError,  # aiokafka asserts a record has a key or a value
)


def is_transient(error: BaseException) -> bool:
    """Whether retrying the same request later can succeed."""
    if isinstance(error, KafkaTimeoutError | asyncio.TimeoutError | ConnectionError):
        return True
    return isinstance(error, KafkaError) and bool(getattr(error, "retriable", False))


def is_record_error(error: BaseException) -> bool:
    """Whether the error is about this one record (permanent for it alone), not about the cluster."""
    return isinstance(error, _RECORD_ERRORS)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Capped exponential backoff: ``initial_s`` × 2^attempt, at most ``max_s``."""

    initial_s: float = 0.1
    max_s: float = 5.0

    def delay(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt`` (1 for the first retry)."""
        return float(min(self.max_s, self.initial_s * 2 ** max(0, attempt - 1)))
