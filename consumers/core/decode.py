"""Decode: a raw message's bytes → RawArticle, or the InvalidMessage that says why not."""

from dataclasses import dataclass

import orjson
from pydantic import ValidationError

from consumers.errors import (
    BodyTooLong,
    InvalidEncoding,
    InvalidJson,
    InvalidMessage,
    SchemaMismatch,
    TitleTooLong,
    UnsupportedLanguage,
)
from consumers.settings import Settings
from schemas import RawArticle, read

MAX_TITLE_CHARS = 2_000
SHOWN_PROBLEMS = 5  # validation problems named in a reason; an object with 10,000 bad keys gives a short one


def decode_article(
    value: bytes | None,
    max_body_chars: int,
    languages: frozenset[str],
    *,
    detect_language: bool = True,
    max_title_chars: int = MAX_TITLE_CHARS,
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
        raise SchemaMismatch(f"not a RawArticle: {_problems(error)}") from error
    if len(article.body) > max_body_chars:
        raise BodyTooLong(f"body has {len(article.body)} characters, limit is {max_body_chars}")
    if len(article.title) > max_title_chars:
        raise TitleTooLong(f"title has {len(article.title)} characters, limit is {max_title_chars}")
    if article.language is not None and article.language.split("-")[0].lower() not in languages:
        raise UnsupportedLanguage(f"language {article.language!r} is not one of {sorted(languages)}")
    if article.language is None and detect_language:
        from consumers.core.language import detect_language as detect  # lingua comes with the models' extra

        detected = detect(article.title, article.body, languages)
        if detected is not None and detected not in languages:
            raise UnsupportedLanguage(
                f"detected language {detected!r} (no language field) is not one of {sorted(languages)}"
            )
    return article


def _problems(error: ValidationError) -> str:
    """The first few validation problems, each location cut short, and how many more there are."""
    problems = error.errors(include_url=False, include_input=False)
    shown = "; ".join(f"{'.'.join(map(str, e['loc']))[:80] or '<root>'}: {e['msg']}" for e in problems[:SHOWN_PROBLEMS])
    hidden = len(problems) - SHOWN_PROBLEMS
    return shown + (f"; and {hidden} more" if hidden > 0 else "")


@dataclass(frozen=True, slots=True)
class Decoder:
    """``decode_article`` with its limits bound: what a raw message must be to be annotated."""

    max_body_chars: int
    languages: frozenset[str]
    detect_language: bool = True
    max_title_chars: int = MAX_TITLE_CHARS

    @classmethod
    def from_settings(cls, settings: Settings) -> "Decoder":
        """The limits in ``worker.max_body_chars``, ``worker.max_title_chars`` and ``nlp``'s language settings."""
        worker, nlp = settings.worker, settings.nlp
        return cls(worker.max_body_chars, nlp.languages, nlp.detect_language, worker.max_title_chars)

    def decode(self, value: bytes | None) -> RawArticle | InvalidMessage:
        """The article, or the reason it cannot be one (returned, not raised)."""
        try:
            return decode_article(
                value,
                self.max_body_chars,
                self.languages,
                detect_language=self.detect_language,
                max_title_chars=self.max_title_chars,
            )
        except InvalidMessage as error:
            return error
