from pathlib import Path

import orjson
import pytest
from pydantic import ValidationError

from consumers.core.decode import Decoder
from consumers.core.language import detect_language
from consumers.errors import (
    BodyTooLong,
    InvalidEncoding,
    InvalidJson,
    InvalidMessage,
    SchemaMismatch,
    UnsupportedLanguage,
)
from consumers.runtime.records import Batch
from consumers.runtime.steps.decode import DecodeArticles, decode_article
from schemas import RawArticle
from tests.unit.fakes import RecordingStep, raw_value, received

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


SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# News paragraphs long enough to tell apart (over MIN_LETTERS letters), in the
# languages of a German, a French and a Spanish wire.
FOREIGN = {
    "de": (
        "Bundesregierung beschließt neues Klimapaket",
        "Die Bundesregierung hat am Mittwoch ein neues Klimapaket beschlossen. Die Ministerinnen und Minister "
        "einigten sich nach langen Verhandlungen auf höhere Preise für den Ausstoß von Kohlendioxid und auf "
        "Entlastungen für Familien mit geringem Einkommen.",
    ),
    "fr": (
        "Le gouvernement présente sa réforme des retraites",
        "Le gouvernement a présenté mardi sa réforme des retraites devant l'Assemblée nationale. Les syndicats, "
        "unanimes dans leur opposition, appellent à une nouvelle journée de grève et de manifestations dans "
        "toute la France la semaine prochaine.",
    ),
    "es": (
        "El Gobierno aprueba un plan de vivienda",
        "El Gobierno aprobó el martes un plan para construir cien mil viviendas de alquiler asequible en los "
        "próximos cinco años. La oposición criticó que la medida llega tarde y que no resolverá la subida de "
        "los precios en las grandes ciudades.",
    ),
}
ENGLISH = (
    "Ministers agree on a new climate package",
    "The government agreed on Wednesday on a new climate package after long negotiations. Ministers settled "
    "on higher prices for carbon emissions and on relief for families on low incomes, officials said.",
)


def undeclared(title: str, body: str) -> bytes:
    """An article published without a ``language`` field."""
    return orjson.dumps({"id": "u1", "url": "https://example.org/u1", "title": title, "body": body, "source": "s"})


@pytest.mark.parametrize("code", sorted(FOREIGN))
def test_an_article_without_language_in_another_language_is_rejected(code: str) -> None:
    with pytest.raises(UnsupportedLanguage) as raised:
        decode_article(undeclared(*FOREIGN[code]), 1000, EN)
    assert raised.value.reason == f"detected language {code!r} (no language field) is not one of ['en']"


def test_an_english_article_without_language_passes_as_published() -> None:
    article = decode_article(undeclared(*ENGLISH), 1000, EN)
    assert article.language is None  # the output copies the raw article: nothing is filled in


def test_a_detected_language_that_is_allowed_passes() -> None:
    article = decode_article(undeclared(*FOREIGN["de"]), 1000, frozenset({"en", "de"}))
    assert article.language is None


def test_a_text_too_short_to_tell_passes() -> None:
    assert decode_article(undeclared("Eilmeldung", "Der Kanzler tritt zurück."), 1000, EN).language is None


def test_with_detection_off_an_article_without_language_passes() -> None:
    article = decode_article(undeclared(*FOREIGN["de"]), 1000, EN, detect_language=False)
    assert article.language is None


def test_a_declared_language_is_trusted_over_detection() -> None:
    assert decode_article(raw_value("d1", body=FOREIGN["de"][1], language="en"), 1000, EN).language == "en"


def test_an_allowed_language_beyond_the_news_languages_is_recognised() -> None:
    title, body = (
        "Serikali yaongeza bajeti ya elimu",
        "Rais wa Kenya amesema serikali itaongeza bajeti ya elimu mwaka huu ili kuwasaidia wanafunzi wengi "
        "zaidi kupata masomo bora katika shule za umma nchini kote.",
    )
    assert detect_language(title, body, frozenset({"en", "sw"})) == "sw"
    with pytest.raises(UnsupportedLanguage):  # with English alone, any answer but English rejects it
        decode_article(undeclared(title, body), 1000, EN)


async def test_decode_step_passes_the_detection_setting_on() -> None:
    value = undeclared(*FOREIGN["fr"])
    detecting, not_detecting = RecordingStep(), RecordingStep()
    await DecodeArticles(detecting, Decoder(1000, EN)).submit(Batch.of([received(0, value)]))
    await DecodeArticles(not_detecting, Decoder(1000, EN, detect_language=False)).submit(Batch.of([received(0, value)]))
    assert isinstance(detecting.batches[0].items[0][1], UnsupportedLanguage)
    assert isinstance(not_detecting.batches[0].items[0][1], RawArticle)


def seeds() -> list[Path]:
    """Every seed that is a RawArticle (the others are there to fail for other reasons)."""
    valid = []
    for path in sorted(SEEDS.glob("*.json")):
        try:
            RawArticle.model_validate_json(path.read_bytes())
        except ValidationError:
            continue
        valid.append(path)
    return valid


@pytest.mark.parametrize("path", seeds(), ids=lambda path: path.name)
def test_a_seed_is_rejected_exactly_when_its_declared_language_is_unsupported(path: Path) -> None:
    published = orjson.loads(path.read_bytes())
    declared = (published.get("language") or "en").split("-")[0]
    try:
        decode_article(path.read_bytes(), 100_000, EN)
    except UnsupportedLanguage:
        assert declared not in EN
    else:
        assert declared in EN


@pytest.mark.parametrize("path", seeds(), ids=lambda path: path.name)
def test_a_seed_without_its_language_field_is_detected_as_declared(path: Path) -> None:
    published = orjson.loads(path.read_bytes())
    declared = (published.pop("language", None) or "en").split("-")[0]
    detected = detect_language(published["title"], published["body"])
    if declared in EN:
        assert detected == declared
        assert decode_article(orjson.dumps(published), 100_000, EN).language is None
    else:
        assert detected in {declared, None}  # never taken for English, nor for a third language
        if detected is not None:
            with pytest.raises(UnsupportedLanguage, match=f"detected language {declared!r}"):
                decode_article(orjson.dumps(published), 100_000, EN)
