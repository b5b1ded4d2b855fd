"""What every step that holds work in arrival order shares: hand each item on once done, never past one unfinished.

A subclass says when an item is done (``_done``), what to wait on for it
(``_awaitable``) and how to hand it on (``_forward``, False while the next
step is full); ``_advance`` starts whatever can start now. ``poll`` moves
finished items on without waiting, ``join`` waits for all of them, and both
keep the arrival order that makes per-partition commits safe.
"""

import asyncio
from abc import ABC, abstractmethod
from collections import deque
from typing import Any, Generic, TypeVar

from consumers.runtime.steps.base import Step

Item = TypeVar("Item")
Out = TypeVar("Out")

RETRY_FULL_S = 0.01  # how often ``join`` offers a finished item again to a next step that is full


class ForwardsInOrder(ABC, Generic[Item, Out]):
    """The ordered half of a step: ``_items`` in arrival order, each handed to ``_next`` once done."""

    def __init__(self, next_step: Step[Out]) -> None:
        self._next = next_step
        self._items: deque[Item] = deque()

    async def poll(self) -> None:
        self._advance()
        while self._items and self._done(self._items[0]):
            if not await self._forward(self._items[0]):
                break
            self._items.popleft()
        await self._next.poll()

    async def join(self) -> None:
        """Finish every item (a timeout around ``join`` leaves the work running, not cancelled)."""
        while self._items:
            self._advance()
            await asyncio.wait({self._awaitable(self._items[0])})
            while not await self._forward(self._items[0]):
                await self._next.poll()
                await asyncio.sleep(RETRY_FULL_S)
            self._items.popleft()
        await self._next.join()

    @property
    def in_flight(self) -> int:
        return len(self._items) + self._next.in_flight

    def _advance(self) -> None:
        """Start what can start now; nothing by default."""

    def _done(self, item: Item) -> bool:
        return self._awaitable(item).done()

    @abstractmethod
    def _awaitable(self, item: Item) -> "asyncio.Future[Any]":
        """What finishes ``item`` (once ``_advance`` has run, the oldest item has one)."""

    @abstractmethod
    async def _forward(self, item: Item) -> bool:
        """Hand ``item`` on; False if the next step is full (it is offered again later)."""
