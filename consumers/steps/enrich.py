"""Enrich: annotate valid articles off the event loop and build every output record.

Inference is CPU-heavy, so it runs in an executor: the loop keeps sending
heartbeats, fetching and producing while a batch is annotated. Invalid input
becomes a dead-letter record here; a run of dead letters longer than the
limit stops the worker (a bad deploy should not dead-letter everything).
"""

import asyncio
import logging
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass

from consumers.alerts import RuleSet
from consumers.errors import AnnotationFailed, DeadLetterLimitExceeded, InferenceProcessDied, InvalidMessage
from consumers.metrics import DEAD_LETTERED, INFERENCE_SECONDS
from consumers.nlp.annotator import Annotation, Annotator
from consumers.outputs import dead_letter, dead_letter_record, enrich, enrichment_records
from consumers.records import Batch, OutRecord, Received
from consumers.settings import TopicSettings
from consumers.steps.base import MessageRejected, Step
from schemas import Provenance, RawArticle

logger = logging.getLogger(__name__)

Decoded = RawArticle | InvalidMessage


def annotate_isolating_failures(annotator: Annotator, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
    """Annotate a batch; if the batch as a whole fails, retry one by one so only the culprit fails.

    A dead inference process is no article's fault: it propagates and stops the worker, nothing dead-lettered.
    """
    try:
        with INFERENCE_SECONDS.time():
            return annotator.annotate(articles)
    except InferenceProcessDied:
        raise
    except Exception:  # any model error: isolate it per article below
        logger.warning("batch annotation failed, retrying %d articles one by one", len(articles), exc_info=True)
    results: list[Annotation | Exception] = []
    for article in articles:
        try:
            results.extend(annotator.annotate([article]))
        except Exception as error:  # noqa: BLE001 - the error is the result for this article
            results.append(error)
    return results


class DeadLetterGuard:
    """Stops the worker when too many messages in a row, or too large a share of recent ones, are dead."""

    def __init__(self, max_consecutive: int, max_ratio: float = 1.0, window: int = 1000) -> None:
        self._max_consecutive = max_consecutive
        self._max_ratio = max_ratio
        self._recent: deque[bool] = deque(maxlen=window)
        self._consecutive = 0

    def record(self, dead: bool) -> None:
        """Count one processed message; raise once the limits are passed."""
        self._consecutive = self._consecutive + 1 if dead else 0
        self._recent.append(dead)
        advice = "stopping instead of dead-lettering everything: check the producer or this deploy"
        if self._consecutive > self._max_consecutive:
            raise DeadLetterLimitExceeded(
                f"{self._consecutive} messages in a row could not be processed (limit {self._max_consecutive}); "
                + advice
            )
        dead_share = sum(self._recent) / len(self._recent)
        if len(self._recent) == self._recent.maxlen and dead_share > self._max_ratio:
            raise DeadLetterLimitExceeded(
                f"{dead_share:.0%} of the last {len(self._recent)} messages could not be processed "
                f"(limit {self._max_ratio:.0%}); " + advice
            )


@dataclass
class _InFlight:
    """A batch being annotated, and its output records once built."""

    batch: Batch[Decoded]
    annotations: asyncio.Future[list[Annotation | Exception]]
    records: Batch[list[OutRecord]] | None = None


class EnrichArticles:
    """Runs annotation for up to ``max_in_flight`` batches at once and forwards results in order."""

    def __init__(
        self,
        next_step: Step[list[OutRecord]],
        annotator: Annotator,
        executor: Executor,
        rules: RuleSet,
        topics: TopicSettings,
        guard: DeadLetterGuard,
        max_in_flight: int,
    ) -> None:
        self._next = next_step
        self._annotator = annotator
        self._executor = executor
        self._rules = rules
        self._topics = topics
        self._guard = guard
        self._max_in_flight = max_in_flight
        self._pending: deque[_InFlight] = deque()

    async def submit(self, batch: Batch[Decoded]) -> None:
        if len(self._pending) >= self._max_in_flight:
            raise MessageRejected
        articles = [payload for _, payload in batch.items if isinstance(payload, RawArticle)]
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._executor, annotate_isolating_failures, self._annotator, articles)
        self._pending.append(_InFlight(batch, future))

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
            results = iter(item.annotations.result())
            item.records = item.batch.replace(
                self._records(received, payload, results) for received, payload in item.batch.items
            )
        try:
            await self._next.submit(item.records)
        except MessageRejected:
            return False
        return True

    def _records(
        self, received: Received, payload: Decoded, results: Iterator[Annotation | Exception]
    ) -> list[OutRecord]:
        if isinstance(payload, RawArticle):
            result = next(results)
            if isinstance(result, Annotation):
                self._guard.record(dead=False)
                provenance = Provenance(
                    topic=received.topic,
                    partition=received.partition,
                    offset=received.offset,
                    timestamp_ms=received.timestamp_ms,
                )
                enrichment = enrich(payload, result, self._annotator.versions, self._rules, provenance)
                return enrichment_records(enrichment, self._topics)
            payload = AnnotationFailed(f"annotation failed: {type(result).__name__}: {result}")
        self._guard.record(dead=True)
        letter = dead_letter(received, payload, self._annotator.versions.enrichment)
        DEAD_LETTERED.labels(letter.error_class).inc()
        logger.warning(
            "dead-lettering %s/%d@%d: %s: %s",
            received.topic,
            received.partition,
            received.offset,
            letter.error_class,
            letter.reason,
            extra={
                "topic": received.topic,
                "partition": received.partition,
                "offset": received.offset,
                "error_class": letter.error_class,
            },
        )
        return [dead_letter_record(letter, self._topics)]
