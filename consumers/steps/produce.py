"""Produce: send every output record and wait for the broker's acknowledgements."""

import asyncio
from collections import deque
from dataclasses import dataclass
from typing import Any, Protocol

from consumers.records import Batch, OutRecord
from consumers.steps.base import MessageRejected, Step


class Producer(Protocol):
    """The part of AIOKafkaProducer this step uses."""

    async def send(
        self, topic: str, value: bytes | None = None, key: bytes | None = None, *, headers: Any = None
    ) -> "asyncio.Future[Any]": ...


@dataclass
class _Sending:
    batch: Batch[list[OutRecord]]
    acks: "asyncio.Future[list[Any]]"


class ProduceRecords:
    """Sends a batch's records and forwards the batch once every record is acknowledged."""

    def __init__(self, next_step: Step[None], producer: Producer, max_in_flight: int) -> None:
        self._next = next_step
        self._producer = producer
        self._max_in_flight = max_in_flight
        self._pending: deque[_Sending] = deque()

    async def submit(self, batch: Batch[list[OutRecord]]) -> None:
        if len(self._pending) >= self._max_in_flight:
            raise MessageRejected
        acks = [
            await self._producer.send(record.topic, record.value, record.key, headers=record.headers or None)
            for _, records in batch.items
            for record in records
        ]
        self._pending.append(_Sending(batch, asyncio.gather(*acks)))

    async def poll(self) -> None:
        while self._pending and self._pending[0].acks.done():
            await self._forward(self._pending.popleft())
        await self._next.poll()

    async def join(self) -> None:
        while self._pending:
            await self._forward(self._pending.popleft())
        await self._next.join()

    @property
    def in_flight(self) -> int:
        return len(self._pending) + self._next.in_flight

    async def _forward(self, sending: _Sending) -> None:
        await sending.acks  # raises if any record failed: the batch is not committed
        await self._next.submit(sending.batch.replace(None for _ in sending.batch.items))
