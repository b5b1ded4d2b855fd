"""Decode: raw bytes → RawArticle, or the InvalidMessage that says why not."""

import orjson
from pydantic import ValidationError

from consumers import language
from consumers.errors import (
    BodyTooLong,
    InvalidEncoding,
    InvalidJson,
    InvalidMessage,
    SchemaMismatch,
    UnsupportedLanguage,
)
from consumers.records import Batch, Received
from consumers.steps.base import Step
from schemas import RawArticle


def decode_article(
    value: bytes | None, max_body_chars: int, languages: frozenset[str], *, detect_language: bool = True
) -> RawArticle:
    """Parse and validate one value; raise the InvalidMessage subclass that names the problem.

    An article without a ``language`` field has its language detected (unless
    ``detect_language`` is off), so that one in another language is dead-lettered
    instead of being annotated as English. The article itself is returned as
    published, ``language`` still None: the enriched output copies it.
    """
    if value is None:
        raise SchemaMismatch("empty value (tombstone)")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidEncoding(f"not UTF-8: {error}") from error
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        raise InvalidJson(f"not JSON: {error}") from error
    try:
        article = RawArticle.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in error.errors())
        raise SchemaMismatch(f"not a RawArticle: {problems}") from error
    if len(article.body) > max_body_chars:
        raise BodyTooLong(f"body has {len(article.body)} characters, limit is {max_body_chars}")
    if article.language is not None and article.language.split("-")[0].lower() not in languages:
        raise UnsupportedLanguage(f"language {article.language!r} is not one of {sorted(languages)}")
    if article.language is None and detect_language:
        detected = language.detect_language(article.title, article.body, languages)
        if detected is not None and detected not in languages:
            raise UnsupportedLanguage(
                f"detected language {detected!r} (no language field) is not one of {sorted(languages)}"
            )
    return article


class DecodeArticles:
    """Decodes every record of a batch and passes the batch straight on.

    While the pipeline is full the worker offers the same batch again every
    few milliseconds; the decoded batch is kept for those retries, so a batch
    is decoded once, not once per retry (CPU the models would miss).
    """

    def __init__(
        self,
        next_step: Step[RawArticle | InvalidMessage],
        max_body_chars: int,
        languages: frozenset[str],
        *,
        detect_language: bool = True,
    ) -> None:
        self._next = next_step
        self._max_body_chars = max_body_chars
        self._languages = languages
        self._detect_language = detect_language
        self._rejected: tuple[Batch[Received], Batch[RawArticle | InvalidMessage]] | None = None

    async def submit(self, batch: Batch[Received]) -> None:
        if self._rejected is not None and self._rejected[0] is batch:
            decoded = self._rejected[1]
        else:
            decoded = batch.replace(self._decode(received) for received, _ in batch.items)
        self._rejected = (batch, decoded)
        await self._next.submit(decoded)  # MessageRejected leaves the decoded batch for the retry
        self._rejected = None

    def _decode(self, received: Received) -> RawArticle | InvalidMessage:
        try:
            return decode_article(
                received.value, self._max_body_chars, self._languages, detect_language=self._detect_language
            )
        except InvalidMessage as error:
            return error

    async def poll(self) -> None:
        await self._next.poll()

    async def join(self) -> None:
        await self._next.join()

    @property
    def in_flight(self) -> int:
        return self._next.in_flight
