"""Decode: a raw message's bytes → RawArticle, or the InvalidMessage that says why not."""

from dataclasses import dataclass

import orjson
from pydantic import ValidationError

from consumers.core import language
from consumers.errors import (
    BodyTooLong,
    InvalidEncoding,
    InvalidJson,
    InvalidMessage,
    SchemaMismatch,
    UnsupportedLanguage,
)
from consumers.settings import Settings
from schemas import RawArticle, read


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
        article = read(RawArticle, data)  # a reader: fields a newer producer adds are ignored
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


@dataclass(frozen=True, slots=True)
class Decoder:
    """``decode_article`` with its limits bound: what a raw message must be to be annotated."""

    max_body_chars: int
    languages: frozenset[str]
    detect_language: bool = True

    @classmethod
    def from_settings(cls, settings: Settings) -> "Decoder":
        """The limits in ``worker.max_body_chars``, ``nlp.languages`` and ``nlp.detect_language``."""
        return cls(settings.worker.max_body_chars, settings.nlp.languages, settings.nlp.detect_language)

    def decode(self, value: bytes | None) -> RawArticle | InvalidMessage:
        """The article, or the reason it cannot be one (returned, not raised)."""
        try:
            return decode_article(value, self.max_body_chars, self.languages, detect_language=self.detect_language)
        except InvalidMessage as error:
            return error
