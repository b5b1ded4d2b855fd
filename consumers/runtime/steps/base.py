"""The interface every processing step shares.

A step accepts batches with ``submit``, moves finished work to the next step
on ``poll`` and finishes everything in flight on ``join``. Batches leave a
step in the order they entered, which is what makes per-partition commit
order safe. A step that is full raises ``MessageRejected`` from ``submit``;
the worker then pauses fetching and offers the same batch again later.
"""

from typing import Protocol, TypeVar

from consumers.runtime.records import Batch

T = TypeVar("T")


class MessageRejected(Exception):
    """The step is full; offer the batch again after the next ``poll``."""


class Step(Protocol[T]):
    """One stage of the pipeline."""

    async def submit(self, batch: Batch[T]) -> None:
        """Take a batch, or raise ``MessageRejected`` when full."""
        ...

    async def poll(self) -> None:
        """Hand finished batches on, in order, without waiting for unfinished ones."""
        ...

    async def join(self) -> None:
        """Finish every batch in flight (this step and the ones after it); callers bound it with a timeout."""
        ...

    @property
    def in_flight(self) -> int:
        """Batches held by this step and the ones after it."""
        ...
