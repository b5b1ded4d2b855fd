"""Run: a domain function on each batch, in an executor, the results handed on in order.

The step knows nothing of the work: it keeps the event loop free while the
function runs (in a thread, or a process pool), holds at most
``max_in_flight`` batches, and forwards results in the order the batches
came, so that the commit after it stays safe. What the function raises stops
the chain with nothing after it committed.
"""

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Generic, TypeVar

from consumers.runtime.records import Batch
from consumers.runtime.steps.base import MessageRejected, Step
from consumers.runtime.steps.in_order import ForwardsInOrder

In = TypeVar("In")
Out = TypeVar("Out")


class RunInExecutor(ForwardsInOrder["asyncio.Future[Batch[Out] | None]", Out], Generic[In, Out]):
    """Runs ``function`` on each batch in ``executor`` and hands its result to the next step.

    ``function`` returns the batch for the next step, or None to abandon the
    batch (it was asked to stop): then no later batch goes on either, so no
    offset is ever committed past one that was not done.
    """

    def __init__(
        self,
        function: Callable[[Batch[In]], Batch[Out] | None],
        executor: Executor,
        next_step: Step[Out],
        max_in_flight: int = 1,
    ) -> None:
        super().__init__(next_step)
        self._function = function
        self._executor = executor
        self._max_in_flight = max_in_flight
        self._abandoned = False

    async def submit(self, batch: Batch[In]) -> None:
        if len(self._items) >= self._max_in_flight:
            raise MessageRejected
        self._items.append(asyncio.get_running_loop().run_in_executor(self._executor, self._function, batch))

    def _awaitable(self, item: "asyncio.Future[Batch[Out] | None]") -> "asyncio.Future[Batch[Out] | None]":
        return item

    async def _forward(self, done: "asyncio.Future[Batch[Out] | None]") -> bool:
        """Hand a finished batch on (what the function raised, raised here); False if the next step is full."""
        result = done.result()
        self._abandoned = self._abandoned or result is None
        if self._abandoned or result is None:
            return True
        try:
            await self._next.submit(result)
        except MessageRejected:
            return False
        return True
