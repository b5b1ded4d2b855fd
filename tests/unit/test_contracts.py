"""The compatibility rule: readers keep what a newer writer may add, writers stay strict."""

from typing import Any

import jsonschema
import orjson
import pytest
from pydantic import ValidationError

from consumers.core.decode import decode_article
from schemas import Alert, DeadLetter, EnrichedArticle, EntityType, EventType, StanceEvent, decode, encode, read
from schemas.export import json_schemas
from tests.factories import enriched_article, relation, stance_event


def _newer_enriched() -> dict[str, Any]:
    """An enriched article as a newer minor version may write it: new fields and new enum values."""
    data = orjson.loads(encode(enriched_article("a1", [relation("country:USA", "country:CHN", "hostile")])))
    data["sentiment_model"] = "v9"
    data["entities"][0] |= {"type": "WORK_OF_ART", "aliases": ["USA"]}
    data["entities"][0]["mentions"][0]["sentence"] = 3
    data["stances"][0] |= {"stance": "mixed", "event": "INVESTIGATE", "source_sector": "clergy", "weight": 1}
    return data


def test_a_reader_keeps_unknown_enum_values_and_ignores_unknown_fields() -> None:
    article = decode(EnrichedArticle, orjson.dumps(_newer_enriched()))
    entity, found = article.entities[0], article.stances[0]
    assert isinstance(entity.type, EntityType) and entity.type.value == "WORK_OF_ART"
    assert entity.type not in list(EntityType)  # the declared members are unchanged
    assert isinstance(found.event, EventType) and found.event == "INVESTIGATE"
    assert (found.stance, found.source_sector) == ("mixed", "clergy")
    assert "sentiment_model" not in article.model_dump() and "aliases" not in entity.model_dump()


def test_known_values_still_read_as_the_declared_members() -> None:
    article = decode(
        EnrichedArticle, encode(enriched_article("a1", [relation("country:USA", "country:CHN", "hostile")]))
    )
    assert article.entities[0].type is EntityType.GPE


def test_writers_are_refused_what_readers_tolerate() -> None:
    data = _newer_enriched()
    with pytest.raises(ValidationError) as raised:
        EnrichedArticle.model_validate(data)
    refused = {(".".join(map(str, error["loc"])), error["type"]) for error in raised.value.errors()}
    assert refused >= {
        ("sentiment_model", "extra_forbidden"),
        ("entities.0.type", "enum"),
        ("entities.0.aliases", "extra_forbidden"),
        ("stances.0.stance", "literal_error"),
        ("stances.0.event", "enum"),
        ("stances.0.source_sector", "literal_error"),
    }


def test_an_unknown_value_that_is_not_a_string_is_refused_even_when_reading() -> None:
    data = _newer_enriched()
    data["entities"][0]["type"] = 7
    with pytest.raises(ValidationError):
        read(EnrichedArticle, data)


def test_a_read_message_encodes_the_values_it_kept() -> None:
    article = decode(EnrichedArticle, orjson.dumps(_newer_enriched()))
    again = orjson.loads(encode(article))
    assert again["entities"][0]["type"] == "WORK_OF_ART" and again["stances"][0]["event"] == "INVESTIGATE"


def test_stance_events_and_alerts_read_new_values() -> None:
    event = orjson.loads(encode(stance_event("a1", "country:USA", "country:CHN", "hostile")))
    assert decode(StanceEvent, orjson.dumps({**event, "quad_class": "hybrid", "x": 1})).quad_class == "hybrid"
    alert = {
        "schema_version": 1, "event_id": "e", "rule_id": "r", "severity": "catastrophic", "summary": "s",
        "entities": [], "evidence": [], "article_ids": [], "enrichment_version": "1", "channel": "ops",
    }  # fmt: skip
    assert decode(Alert, orjson.dumps(alert)).severity == "catastrophic"


def test_the_published_schemas_accept_what_readers_tolerate() -> None:
    validator = jsonschema.Draft202012Validator(json_schemas()["enriched-article.v1.schema.json"])
    validator.validate(_newer_enriched())
    assert not validator.is_valid({**_newer_enriched(), "entities": [{"id": 1}]})


def test_dead_letters_read_headers_a_newer_writer_adds() -> None:
    letter = DeadLetter(
        event_id="e", error_class="InvalidJson", reason="bad", source_topic="articles.raw",
        source_partition=0, source_offset=3,
    )  # fmt: skip
    headers = [*letter.headers(), ("stancewire-retry-after", b"60")]
    assert DeadLetter.from_record(None, b"{", headers) == letter.model_copy(update={"original_value": b"{"})


def test_the_worker_reads_raw_articles_with_fields_it_does_not_know() -> None:
    value = orjson.dumps(
        {"id": "a1", "url": "https://e.org/a1", "title": "t", "body": "b", "source": "s", "language": "en", "tags": []}
    )
    assert decode_article(value, 1000, frozenset({"en"})).id == "a1"
