"""Enrich: annotate valid articles off the event loop, then hand on the records the core builds for them.

Inference is CPU-heavy, so it runs in an executor: the loop keeps sending
heartbeats, fetching and producing while a batch is annotated. What each
message becomes, and its records, come from ``consumers.core``; this step
keeps batches in order and applies the dead-letter policy.

One annotation call runs at a time. The batches that arrive while it runs
wait, and when the models are free they go together into the next call (up
to ``CallSize``): at low load a batch is one or two articles, and the models
cost far more per article in a call of one than in a call of several, so
calling them batch by batch would fall behind the arrivals. Batches stay
apart for producing and committing; only the annotation is shared.
"""

import asyncio
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field

from consumers.core import Decoded, annotate_isolating_failures, outcomes, records_of
from consumers.core.alerts import RuleSet
from consumers.core.enrichment import MAX_RECORD_BYTES
from consumers.nlp.annotator import Annotation, Annotator
from consumers.runtime.batching import estimated_tokens
from consumers.runtime.metrics import INFERENCE_SECONDS
from consumers.runtime.records import Batch, Record
from consumers.runtime.steps.base import MessageRejected, Step
from consumers.runtime.steps.dead_letters import DeadLetterGuard, DeadLetterPolicy
from consumers.runtime.steps.in_order import ForwardsInOrder
from schemas import RawArticle

__all__ = ["CallSize", "DeadLetterGuard", "EnrichArticles"]


@dataclass(frozen=True)
class CallSize:
    """The most one annotation call takes: articles, and tokens estimated from the raw bytes."""

    articles: int = 16
    tokens: int = 24_000


@dataclass
class _InFlight:
    """A batch waiting for, or part of, an annotation call; its output records once built."""

    batch: Batch[Decoded]
    articles: list[RawArticle]
    tokens: int
    call: asyncio.Future[list[Annotation | Exception]] | None = None  # None: waiting for the models
    span: slice = field(default_factory=lambda: slice(0))  # this batch's articles among the call's
    records: Batch[list[Record]] | None = None

    def done(self) -> bool:
        return self.call is not None and self.call.done()

    def annotations(self) -> list[Annotation | Exception]:
        if self.call is None:
            raise RuntimeError("a batch's annotations were read before its call was started")
        return self.call.result()[self.span]


class EnrichArticles(ForwardsInOrder[_InFlight, list[Record]]):
    """Holds up to ``max_in_flight`` batches, annotates them a call at a time, and forwards results in order."""

    def __init__(
        self,
        next_step: Step[list[Record]],
        annotator: Annotator,
        executor: Executor,
        rules: RuleSet,
        guard: DeadLetterPolicy,
        max_in_flight: int,
        max_record_bytes: int = MAX_RECORD_BYTES,
        call_size: CallSize = CallSize(),
    ) -> None:
        super().__init__(next_step)
        self._call_size = call_size
        self._max_record_bytes = max_record_bytes
        self._annotator = annotator
        self._executor = executor
        self._rules = rules
        self._guard = guard
        self._max_in_flight = max_in_flight
        self._running: asyncio.Future[list[Annotation | Exception]] | None = None

    async def submit(self, batch: Batch[Decoded]) -> None:
        """Take a batch while there is room, or while it fits into the call waiting for the models."""
        articles = [payload for _, payload in batch.items if isinstance(payload, RawArticle)]
        tokens = sum(estimated_tokens(received) for received, payload in batch.items if isinstance(payload, RawArticle))
        item = _InFlight(batch, articles, tokens)
        if len(self._items) >= self._max_in_flight and not self._fits_next_call(item):
            raise MessageRejected
        self._items.append(item)
        self._advance()

    def _waiting(self) -> list[_InFlight]:
        """The batches not yet in a call: always the newest ones."""
        waiting: list[_InFlight] = []
        for item in reversed(self._items):
            if item.call is not None:
                break
            waiting.append(item)
        return waiting[::-1]

    def _fits_next_call(self, item: _InFlight) -> bool:
        """Past ``max_in_flight``: whether ``item`` joins the waiting call (at most ``CallSize.articles`` batches)."""
        waiting = self._waiting()
        return 0 < len(waiting) < self._call_size.articles and self._fits([*waiting, item])

    def _fits(self, items: list[_InFlight]) -> bool:
        articles = sum(len(item.articles) for item in items)
        return articles <= self._call_size.articles and sum(item.tokens for item in items) <= self._call_size.tokens

    def _advance(self) -> None:
        """When the models are free, annotate the waiting batches together, as many as one call takes."""
        if self._running is not None and not self._running.done():
            return
        taken: list[_InFlight] = []
        for item in self._waiting():
            if taken and not self._fits([*taken, item]):
                break
            taken.append(item)
        if not taken:
            return
        start = 0
        for item in taken:
            item.span = slice(start, start + len(item.articles))
            start = item.span.stop
        loop = asyncio.get_running_loop()
        together = [article for item in taken for article in item.articles]
        call: asyncio.Future[list[Annotation | Exception]]
        if together:
            call = loop.run_in_executor(self._executor, self._annotate, together)
        else:  # only messages that are not articles: nothing for the models
            call = loop.create_future()
            call.set_result([])
        for item in taken:
            item.call = call
        self._running = call

    def _annotate(self, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
        with INFERENCE_SECONDS.time():
            results = annotate_isolating_failures(self._annotator, articles)
        if len(results) != len(articles):  # each batch takes its share by position: a short answer would shift them
            raise RuntimeError(f"the annotator answered {len(results)} results for {len(articles)} articles")
        return results

    def _done(self, item: _InFlight) -> bool:
        return item.done()

    def _awaitable(self, item: _InFlight) -> "asyncio.Future[list[Annotation | Exception]]":
        if item.call is None:  # cannot happen: the oldest batch is in a call once the models are free
            raise RuntimeError("the oldest batch was not given to the models")
        return item.call

    async def _forward(self, item: _InFlight) -> bool:
        """Build the batch's records (once) and hand them on; False if the next step is full."""
        if item.records is None:
            versions, limit = self._annotator.versions, self._max_record_bytes
            built = outcomes(item.batch.items, item.annotations(), versions, self._rules, limit)
            for (received, _), outcome in zip(item.batch.items, built, strict=True):
                self._guard.observe(received, outcome)
            item.records = item.batch.replace(records_of(outcome, limit) for outcome in built)
        try:
            await self._next.submit(item.records)
        except MessageRejected:
            return False
        return True
