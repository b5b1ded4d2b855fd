"""The consume loop the worker and the sink share: fetch, offer batches to a chain of steps, move them on.

Fetched batches wait, in order, until the chain takes them; while it is full
(``MessageRejected``) fetching pauses, but the loop still polls the consumer,
which keeps this member in its group. ``drain`` finishes what is in flight
under ``lock``, which rebalance listeners and fences take too, so that
partitions move only between turns of the loop.
"""

import asyncio
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Mapping

from aiokafka import AIOKafkaConsumer, TopicPartition

from consumers.runtime.health import WorkerState
from consumers.runtime.records import Batch, Received, received
from consumers.runtime.steps import MessageRejected, Step

logger = logging.getLogger(__name__)

FETCH_GRACE_S = 1.0  # a fetch that has not returned this long after its timeout is given up (a rebalance)
BUSY_POLL_MS = 5  # the fetch's wait while batches are in flight: how soon finished work moves on

Batcher = Callable[[list[Received]], Iterable[Batch[Received]]]
"""How one fetch's records become batches for the chain, in order."""


def one_batch(records: list[Received]) -> list[Batch[Received]]:
    """Everything one fetch returned, as one batch."""
    return [Batch.of(records)] if records else []


class ConsumeLoop:
    """Drives a chain of steps from a consumer: fetch, submit, poll; drains on stop and on revoke."""

    def __init__(
        self,
        consumer: AIOKafkaConsumer,
        chain: Step[Received],
        state: WorkerState,
        *,
        max_records: int,
        fetch_timeout_ms: int,
        drain_timeout_s: float | None,
        batches: Batcher = one_batch,
        ends: Mapping[TopicPartition, int] | None = None,
        on_turn: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        """Args:
        max_records: At most this many records per fetch.
        fetch_timeout_ms: The fetch's wait while nothing is in flight.
        drain_timeout_s: The longest ``drain`` (and the join once caught up); None waits for all.
        batches: How fetched records become batches.
        ends: Replays: records at or past these offsets are left alone, and a partition is done there.
        on_turn: Called once a turn, before the fetch (the worker's lag gauges).
        """
        self._consumer = consumer
        self._chain = chain
        self._state = state
        self._max_records = max_records
        self._fetch_timeout_ms = fetch_timeout_ms
        self._drain_timeout_s = drain_timeout_s
        self._batches = batches
        self._ends = dict(ends or {})
        self._on_turn = on_turn
        self.lock = asyncio.Lock()
        self._pending: deque[Batch[Received]] = deque()  # fetched, not yet taken by the chain
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        """End the loop after this turn (what SIGTERM asks for)."""
        self._stopping.set()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    async def run(self, until_caught_up: bool = False) -> None:
        """Turn until stopped (or, with ``until_caught_up``, until every assigned partition is done)."""
        while not self._stopping.is_set():
            self._state.beat()
            if self._on_turn is not None:
                await self._on_turn()
            await self._fetch()
            async with self.lock:
                await self._offer_pending()
                before = self._chain.in_flight
                await self._chain.poll()
                self._state.observe(before, self._chain.in_flight, waiting=len(self._pending))
            if until_caught_up and await self._caught_up():
                return

    async def drain(self, timeout_s: float | None = None) -> None:
        """Finish what is in flight within ``timeout_s`` (default: ``drain_timeout_s``).

        Fetched-but-unstarted batches are forgotten: whoever owns their
        partitions next fetches them again from the committed offset.
        """
        started = time.monotonic()
        try:
            async with asyncio.timeout(self._drain_timeout_s if timeout_s is None else timeout_s), self.lock:
                self._pending.clear()
                await self._chain.join()
            logger.info("drained in %.1fs", time.monotonic() - started)
        except TimeoutError:
            logger.warning("in-flight work did not finish in time; what is left is not committed and is redone")

    async def _fetch(self) -> None:
        """Fetch the next records; with a full chain, poll anyway (partitions paused, nothing returned).

        Polling while the chain works keeps this member in its group: aiokafka
        leaves the group once nothing has polled for ``max_poll_interval_ms``.
        While batches are in flight the wait is short, so that finished work
        moves on at once instead of after a whole fetch timeout; an idle loop
        waits the full timeout.
        """
        busy = bool(self._pending) or self._chain.in_flight > 0
        timeout_ms = (0 if self._pending else BUSY_POLL_MS) if busy else self._fetch_timeout_ms
        try:  # during a rebalance aiokafka waits for the assignment whatever the timeout: SIGTERM must be seen
            async with asyncio.timeout(timeout_ms / 1000 + FETCH_GRACE_S):
                fetched = await self._consumer.getmany(timeout_ms=timeout_ms, max_records=self._max_records)
        except TimeoutError:
            return
        records = [received(r) for tp_records in fetched.values() for r in tp_records]
        self._pending.extend(self._batches([record for record in records if self._within_end(record)]))

    def _within_end(self, record: Received) -> bool:
        end = self._ends.get(TopicPartition(record.topic, record.partition))
        return end is None or record.offset < end

    async def _offer_pending(self) -> None:
        """Submit the fetched batches in order, pausing intake while the chain is full."""
        while self._pending:
            try:
                await self._chain.submit(self._pending[0])
            except MessageRejected:
                self._consumer.pause(*self._consumer.assignment())
                await asyncio.sleep(0.005)
                return
            self._pending.popleft()
        if self._consumer.paused():
            self._consumer.resume(*self._consumer.paused())

    async def _caught_up(self) -> bool:
        """Whether every record up to the end of each assigned partition went through the chain, committed.

        The ends are the last stable offsets seen by the last fetch (no broker round trip), or a replay's end offsets.
        """
        assigned = self._consumer.assignment()
        if not assigned or self._pending or self._chain.in_flight:
            return False
        for tp in assigned:
            end = self._ends.get(tp, self._consumer.last_stable_offset(tp))
            if end is None or await self._consumer.position(tp) < end:
                return False
        async with self.lock, asyncio.timeout(self._drain_timeout_s):
            await self._chain.join()  # commits what is done
        return True
