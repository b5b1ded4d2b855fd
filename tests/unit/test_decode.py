import pytest

from consumers.errors import (
    BodyTooLong,
    InvalidEncoding,
    InvalidJson,
    InvalidMessage,
    SchemaMismatch,
    UnsupportedLanguage,
)
from consumers.steps.decode import decode_article
from tests.unit.fakes import raw_value

EN = frozenset({"en"})


def test_valid_article_decodes() -> None:
    article = decode_article(raw_value("a1", language="en-GB"), 1000, EN)
    assert article.id == "a1"
    assert article.language == "en-GB"


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (b"\xff\xfe not utf-8", InvalidEncoding),
        (b'{"id": "x", "body": ', InvalidJson),
        (b"[1, 2, 3]", SchemaMismatch),
        (b'{"id": "x", "url": "https://e.org/x", "title": "t", "source": "s"}', SchemaMismatch),
        (b'{"id": "x", "url": "https://e.org/x", "title": "t", "body": "   ", "source": "s"}', SchemaMismatch),
        (b'{"id": "x", "url": "ftp://e.org/x", "title": "t", "body": "b", "source": "s"}', SchemaMismatch),
        (None, SchemaMismatch),
        (raw_value("a2", body="x" * 101), BodyTooLong),
        (raw_value("a3", language="de"), UnsupportedLanguage),
    ],
)
def test_bad_input_raises_the_error_that_names_it(value: bytes | None, error: type[InvalidMessage]) -> None:
    with pytest.raises(error) as raised:
        decode_article(value, 100, EN)
    assert raised.value.reason


def test_schema_mismatch_reason_names_the_field() -> None:
    with pytest.raises(SchemaMismatch, match="body"):
        decode_article(b'{"id": "x", "url": "https://e.org/x", "title": "t", "source": "s"}', 100, EN)
