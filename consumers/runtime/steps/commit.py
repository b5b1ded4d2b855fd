"""Commit: store the consumer group's offsets once their batches are fully produced."""

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Collection

from aiokafka import TopicPartition
from aiokafka.errors import CommitFailedError

from consumers.runtime.records import Batch
from consumers.runtime.retry import is_transient

logger = logging.getLogger(__name__)


Commit = Callable[[dict[TopicPartition, int]], Awaitable[None]]
"""Stores a group's offsets: ``AIOKafkaConsumer.commit``, or anything that stores them like it."""


class CommitOffsets:
    """The last step: batches arrive in order, so the highest offset seen per partition is safe to commit."""

    def __init__(
        self,
        commit: Commit,
        interval_s: float = 1.0,
        owned: Callable[[], Collection[TopicPartition]] | None = None,
    ) -> None:
        """``commit`` stores offsets (``AIOKafkaConsumer.commit``): given a callable, not a client, so that
        this step needs nothing else of it. ``owned``: the partitions this member holds now; offsets of
        others are dropped, never committed.

        After a drain that ran out of time, batches of revoked partitions still
        finish; committing them would fail (the partition is another worker's)
        or move that worker's offsets, so their offsets are left to the owner.
        """
        self._owned = owned
        self._store = commit
        self._interval_s = interval_s
        self._uncommitted: dict[TopicPartition, int] = {}
        self._last_commit = time.monotonic()
        self.committed: dict[TopicPartition, int] = {}

    async def submit(self, batch: Batch[None]) -> None:
        self._uncommitted.update(batch.next_offsets())

    async def poll(self) -> None:
        if self._uncommitted and time.monotonic() - self._last_commit >= self._interval_s:
            await self._commit()

    async def join(self) -> None:
        """Commit what is done; retried until it succeeds (callers bound it with a timeout)."""
        while self._uncommitted:
            await self._commit()
            if self._uncommitted:
                await asyncio.sleep(0.5)

    @property
    def in_flight(self) -> int:
        return 0

    def forget(self, partitions: set[TopicPartition]) -> None:
        """Drop offsets of partitions this worker no longer owns."""
        for tp in partitions:
            self._uncommitted.pop(tp, None)

    async def _commit(self) -> None:
        offsets, self._uncommitted = self._uncommitted, {}
        if self._owned is not None:
            owned = set(self._owned())
            if dropped := sorted(f"{tp.topic}/{tp.partition}" for tp in offsets if tp not in owned):
                logger.info("not committing partitions this worker no longer owns: %s", ", ".join(dropped))
            offsets = {tp: offset for tp, offset in offsets.items() if tp in owned}
            if not offsets:
                return
        self._last_commit = time.monotonic()
        try:
            await self._store(offsets)
        except CommitFailedError:
            # The group rebalanced: these partitions are someone else's now and
            # will be redelivered from their last commit (at-least-once).
            logger.warning("commit of %s failed after a rebalance; they will be redelivered", offsets)
            return
        except Exception as error:
            if not is_transient(error):
                raise
            logger.warning("commit failed (%s); retrying on the next poll", error)
            for tp, offset in offsets.items():  # keep the newest offset per partition
                self._uncommitted[tp] = max(offset, self._uncommitted.get(tp, 0))
            return
        self.committed.update(offsets)
