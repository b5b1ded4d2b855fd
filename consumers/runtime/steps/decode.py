"""Decode: the first step, each record's bytes → RawArticle or InvalidMessage (``consumers.core.decode``)."""

from consumers.core.decode import Decoder, decode_article
from consumers.errors import InvalidMessage
from consumers.runtime.records import Batch, Received
from consumers.runtime.steps.base import Step
from schemas import RawArticle

__all__ = ["DecodeArticles", "decode_article"]


class DecodeArticles:
    """Decodes every record of a batch and passes the batch straight on.

    While the pipeline is full the worker offers the same batch again every
    few milliseconds; the decoded batch is kept for those retries, so a batch
    is decoded once, not once per retry (CPU the models would miss).
    """

    def __init__(self, next_step: Step[RawArticle | InvalidMessage], decoder: Decoder) -> None:
        self._next = next_step
        self._decoder = decoder
        self._rejected: tuple[Batch[Received], Batch[RawArticle | InvalidMessage]] | None = None

    async def submit(self, batch: Batch[Received]) -> None:
        if self._rejected is not None and self._rejected[0] is batch:
            decoded = self._rejected[1]
        else:
            decoded = batch.replace(self._decoder.decode(received.value) for received, _ in batch.items)
        self._rejected = (batch, decoded)
        await self._next.submit(decoded)  # MessageRejected leaves the decoded batch for the retry
        self._rejected = None

    async def poll(self) -> None:
        await self._next.poll()

    async def join(self) -> None:
        await self._next.join()

    @property
    def in_flight(self) -> int:
        return self._next.in_flight
