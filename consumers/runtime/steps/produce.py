"""Produce: send every output record and wait for the broker's acknowledgements.

A record whose send fails transiently (broker down, timeout) is sent again
after a backoff, for as long as it takes; the batch moves on to Commit only
once every record is acknowledged. A record the broker refuses for good (too
large, corrupt) is replaced by a dead letter for its message, so one message
cannot stop the partition; any other permanent failure (authorisation, a
missing topic) is the cluster's and stops the worker with nothing committed,
so the batch is redelivered after the fix.
"""

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from consumers.errors import OutputRejected
from consumers.runtime.metrics import record_delivered
from consumers.runtime.records import Batch, Received, Record
from consumers.runtime.retry import Backoff, is_record_error, is_transient
from consumers.runtime.steps.base import MessageRejected, Step
from consumers.settings import TopicSettings

logger = logging.getLogger(__name__)


class Producer(Protocol):
    """The part of AIOKafkaProducer this step uses."""

    async def send(
        self, topic: str, value: bytes | None = None, key: bytes | None = None, *, headers: Any = None
    ) -> "asyncio.Future[Any]": ...


DeadLetterFor = Callable[[Received, OutputRejected], Record]
"""The dead letter record to publish instead of a message whose output the broker refused."""


@dataclass
class _Sending:
    batch: Batch[list[Record]]
    records: list[Record]
    origins: list[Received]  # the message each record was made from
    acks: list["asyncio.Future[Any]"]
    attempts: int = 0
    retry_at: float = field(default=0.0)


class ProduceRecords:
    """Sends a batch's records and forwards the batch once every record is acknowledged."""

    def __init__(
        self,
        next_step: Step[None],
        producer: Producer,
        topics: TopicSettings,
        max_in_flight: int,
        backoff: Backoff | None = None,
        dead_letter_for: DeadLetterFor | None = None,
    ) -> None:
        """``dead_letter_for``: without it, a record the broker refuses stops the worker like a cluster error."""
        self._dead_letter_for = dead_letter_for
        self._next = next_step
        self._producer = producer
        self._topics = topics
        self._max_in_flight = max_in_flight
        self._backoff = backoff or Backoff()
        self._pending: deque[_Sending] = deque()

    async def submit(self, batch: Batch[list[Record]]) -> None:
        if len(self._pending) >= self._max_in_flight:
            raise MessageRejected
        pairs = [(record, received) for received, outputs in batch.items for record in outputs]
        records, origins = [record for record, _ in pairs], [received for _, received in pairs]
        self._pending.append(_Sending(batch, records, origins, [await self._send(record) for record in records]))

    async def poll(self) -> None:
        while self._pending and await self._settled(self._pending[0]):
            await self._forward(self._pending.popleft())
        await self._next.poll()

    async def join(self) -> None:
        while self._pending:
            head = self._pending[0]
            if not await self._settled(head):
                await asyncio.wait(
                    [ack for ack in head.acks if not ack.done()] or [asyncio.ensure_future(self._until(head.retry_at))]
                )
                continue
            await self._forward(self._pending.popleft())
        await self._next.join()

    @property
    def in_flight(self) -> int:
        return len(self._pending) + self._next.in_flight

    async def _send(self, record: Record) -> "asyncio.Future[Any]":
        try:
            topic = self._topics.name(record.kind)
            return await self._producer.send(topic, record.value, record.key, headers=record.headers or None)
        except Exception as error:  # noqa: BLE001 - kept as the record's outcome, judged in _settled
            failed: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
            failed.set_exception(error)
            return failed

    async def _settled(self, sending: _Sending) -> bool:
        """True once every record is acknowledged; resends transient failures when their backoff is over."""
        if not all(ack.done() for ack in sending.acks):
            return False
        failed = [i for i, ack in enumerate(sending.acks) if ack.exception() is not None]
        if not failed:
            return True
        for i in failed:
            error = sending.acks[i].exception()
            if error is not None and not is_transient(error):
                await self._replace_refused(sending, i, error)
        failed = [i for i in failed if sending.acks[i].done() and sending.acks[i].exception() is not None]
        if not failed:
            return False  # dead letters are on their way; settled once acknowledged
        now = time.monotonic()
        if sending.retry_at == 0.0:
            sending.attempts += 1
            sending.retry_at = now + self._backoff.delay(sending.attempts)
            logger.warning(
                "%d of %d records not acknowledged (%s); retry %d in %.1fs",
                len(failed),
                len(sending.records),
                sending.acks[failed[0]].exception(),
                sending.attempts,
                sending.retry_at - now,
            )
            return False
        if now < sending.retry_at:
            return False
        sending.retry_at = 0.0
        await self._resend_from(sending, failed[0])
        return False

    async def _resend_from(self, head: _Sending, first_failed: int) -> None:
        """Send again, in order, every record from the first failed one on, the later batches' too.

        Resending only the failed records would put them after later records
        of the same key; resending everything after them keeps each key's
        last copies in their order (the repeats carry the same ``event_id``).
        """
        for sending in self._pending:
            start = first_failed if sending is head else 0
            for i in range(start, len(sending.records)):
                sending.acks[i] = await self._send(sending.records[i])

    async def _replace_refused(self, sending: _Sending, index: int, error: BaseException) -> None:
        """Send a dead letter for the message whose record the broker refused; other permanent errors stop us."""
        refused = sending.records[index]
        if self._dead_letter_for is None or not is_record_error(error) or refused.kind == "dlq":
            raise error  # the cluster's fault (or the dead letter itself refused): stop with nothing committed
        origin = sending.origins[index]
        reason = f"the broker refused its {refused.kind} record: {type(error).__name__}: {error}"
        logger.warning("message %s/%d/%d: %s", origin.topic, origin.partition, origin.offset, reason)
        sending.records[index] = self._dead_letter_for(origin, OutputRejected(reason))
        sending.acks[index] = await self._send(sending.records[index])

    @staticmethod
    async def _until(deadline: float) -> None:
        await asyncio.sleep(max(0.0, deadline - time.monotonic()))

    async def _forward(self, sending: _Sending) -> None:
        record_delivered(sending.batch, self._topics)
        await self._next.submit(sending.batch.replace(None for _ in sending.batch.items))
