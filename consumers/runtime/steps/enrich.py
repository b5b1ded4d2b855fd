"""Enrich: annotate valid articles off the event loop, then hand on the records the core builds for them.

Inference is CPU-heavy, so it runs in an executor: the loop keeps sending
heartbeats, fetching and producing while a batch is annotated. What each
message becomes, and its records, come from ``consumers.core``; this step
keeps batches in order and applies the dead-letter policy.
"""

import asyncio
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import dataclass

from consumers.core import Decoded, annotate_isolating_failures, outcomes, records_of
from consumers.core.alerts import RuleSet
from consumers.core.enrichment import MAX_RECORD_BYTES
from consumers.nlp.annotator import Annotation, Annotator
from consumers.runtime.metrics import INFERENCE_SECONDS
from consumers.runtime.records import Batch, Record
from consumers.runtime.steps.base import MessageRejected, Step
from consumers.runtime.steps.dead_letters import DeadLetterGuard, DeadLetterPolicy
from schemas import RawArticle

__all__ = ["DeadLetterGuard", "EnrichArticles"]


@dataclass
class _InFlight:
    """A batch being annotated, and its output records once built."""

    batch: Batch[Decoded]
    annotations: asyncio.Future[list[Annotation | Exception]]
    records: Batch[list[Record]] | None = None


class EnrichArticles:
    """Runs annotation for up to ``max_in_flight`` batches at once and forwards results in order."""

    def __init__(
        self,
        next_step: Step[list[Record]],
        annotator: Annotator,
        executor: Executor,
        rules: RuleSet,
        guard: DeadLetterPolicy,
        max_in_flight: int,
        max_record_bytes: int = MAX_RECORD_BYTES,
    ) -> None:
        self._max_record_bytes = max_record_bytes
        self._next = next_step
        self._annotator = annotator
        self._executor = executor
        self._rules = rules
        self._guard = guard
        self._max_in_flight = max_in_flight
        self._pending: deque[_InFlight] = deque()

    async def submit(self, batch: Batch[Decoded]) -> None:
        if len(self._pending) >= self._max_in_flight:
            raise MessageRejected
        articles = [payload for _, payload in batch.items if isinstance(payload, RawArticle)]
        future = asyncio.get_running_loop().run_in_executor(self._executor, self._annotate, articles)
        self._pending.append(_InFlight(batch, future))

    def _annotate(self, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
        with INFERENCE_SECONDS.time():
            return annotate_isolating_failures(self._annotator, articles)

    async def poll(self) -> None:
        while self._pending and self._pending[0].annotations.done():
            if not await self._forward(self._pending[0]):
                break
            self._pending.popleft()
        await self._next.poll()

    async def join(self) -> None:
        while self._pending:
            await asyncio.wait({self._pending[0].annotations})
            while not await self._forward(self._pending[0]):
                await self._next.poll()
                await asyncio.sleep(0.01)
            self._pending.popleft()
        await self._next.join()

    @property
    def in_flight(self) -> int:
        return len(self._pending) + self._next.in_flight

    async def _forward(self, item: _InFlight) -> bool:
        """Build the batch's records (once) and hand them on; False if the next step is full."""
        if item.records is None:
            versions, limit = self._annotator.versions, self._max_record_bytes
            built = outcomes(item.batch.items, item.annotations.result(), versions, self._rules, limit)
            for (received, _), outcome in zip(item.batch.items, built, strict=True):
                self._guard.observe(received, outcome)
            item.records = item.batch.replace(records_of(outcome, limit) for outcome in built)
        try:
            await self._next.submit(item.records)
        except MessageRejected:
            return False
        return True
