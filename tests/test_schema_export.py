"""The exported JSON Schemas and AsyncAPI document: current, self-contained, and true to the wire."""

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest

from consumers import __version__
from consumers.settings import TopicSettings
from schemas import (
    DeadLetter,
    EnrichedArticle,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Provenance,
    RawArticle,
    StanceEvent,
    StanceRelation,
    Versions,
    decode,
    encode,
    make_event_id,
)
from schemas.export import ASYNCAPI_FILE, GENERATED_DIR, asyncapi_document, check_exports, json_schemas, write_exports

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "object": dict,
    "array": list,
    "null": type(None),
}


def _enriched() -> EnrichedArticle:
    sentence = "China is interested in military cooperation with the United States."
    evidence = Evidence(text=sentence, field="body", start=0, end=len(sentence))
    return EnrichedArticle(
        event_id=make_event_id("enriched", "bbb3b0f043b1dfd2", "0.1.0"),
        id="bbb3b0f043b1dfd2",
        url="https://www.dw.com/en/a-bbb3b0f043b1dfd2",
        title="China wants military cooperation with the United States",
        body=evidence.text,
        source="dw",
        language="en",
        published_at=datetime(2023, 10, 30, 8, 0, tzinfo=UTC),
        entities=[
            Entity(id="country:CHN", name="China", type=EntityType.GPE,
                   mentions=[Mention(text="China", field="body", start=0, end=5)]),
            Entity(id="country:USA", name="United States", type=EntityType.GPE,
                   mentions=[Mention(text="United States", field="body", start=53, end=66)]),
        ],
        stances=[
            StanceRelation(source="country:CHN", source_name="China", target="country:USA",
                           target_name="United States", stance="cooperative", confidence=0.9, evidence=evidence),
        ],
        versions=Versions(enrichment="0.1.0", ner="spacy-3.8", stance="minilm-1"),
        provenance=Provenance(topic="articles.raw", partition=0, offset=42),
    )  # fmt: skip


def _stance_event() -> StanceEvent:
    article = _enriched()
    relation = article.stances[0]
    return StanceEvent(
        event_id=make_event_id("stance", article.id, "0.1.0", relation.source, relation.target),
        article_id=article.id,
        article_url=article.url,
        published_at=article.published_at,
        enrichment_version=article.versions.enrichment,
        **relation.model_dump(),
    )


def _resolve(document: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), f"{ref} points outside the document"
    node: Any = document
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        assert isinstance(node, dict) and part in node, f"{ref} does not resolve"
        node = node[part]
    return node


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_committed_exports_are_current() -> None:
    stale = check_exports(__version__, GENERATED_DIR)
    assert not stale, f"schemas/generated/ is stale ({', '.join(stale)}): run `stancewire schemas export`"


def test_write_exports_is_byte_deterministic(tmp_path: Path) -> None:
    paths = write_exports(__version__, tmp_path)
    first = {path.name: path.read_bytes() for path in paths}
    assert sorted(first) == sorted([*json_schemas(), ASYNCAPI_FILE])
    assert {path.name: path.read_bytes() for path in write_exports(__version__, tmp_path)} == first
    assert check_exports(__version__, tmp_path) == []
    (tmp_path / "alert.v1.schema.json").unlink()
    (tmp_path / ASYNCAPI_FILE).write_text("asyncapi: 3.0.0\n")
    assert sorted(check_exports(__version__, tmp_path)) == ["alert.v1.schema.json", ASYNCAPI_FILE]


def test_json_schemas_carry_their_version() -> None:
    schemas = json_schemas()
    assert sorted(schemas) == sorted(
        f"{slug}.v1.schema.json" for slug in ("raw-article", "enriched-article", "stance-event", "alert", "dead-letter")
    )
    for name, schema in schemas.items():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"].endswith(":v1") and schema["title"].endswith(" v1")
        assert schema["properties"]["schema_version"]["const"] == 1
        for ref in _refs(schema):
            _resolve(schema, ref)
        # What we publish always carries every field, defaults included; what producers send need not.
        if name != "raw-article.v1.schema.json":
            assert schema["required"] == list(schema["properties"])
    assert "schema_version" not in schemas["raw-article.v1.schema.json"]["required"]


@pytest.mark.parametrize("prefix", ["", "staging."])
def test_asyncapi_has_every_topic(prefix: str) -> None:
    document = asyncapi_document(__version__, TopicSettings(prefix=prefix))
    assert document["asyncapi"] == "3.0.0"
    addresses = {name: channel["address"] for name, channel in document["channels"].items()}
    assert addresses == {
        "raw": f"{prefix}articles.raw",
        "enriched": f"{prefix}articles.enriched",
        "stance": f"{prefix}stance.events",
        "alerts": f"{prefix}alerts",
        "dlq": f"{prefix}articles.dlq",
    }
    actions = {operation["channel"]["$ref"]: operation["action"] for operation in document["operations"].values()}
    assert actions == {
        "#/channels/raw": "receive",
        **{f"#/channels/{name}": "send" for name in ("enriched", "stance", "alerts", "dlq")},
    }
    for message in document["components"]["messages"].values():
        assert message["bindings"]["kafka"]["key"]["description"]


def test_every_asyncapi_ref_resolves_inside_the_document() -> None:
    document = asyncapi_document(__version__)
    refs = _refs(document)
    assert refs and not any("$defs" in ref for ref in refs)
    for ref in refs:
        _resolve(document, ref)
    for schema in document["components"]["schemas"].values():
        assert "$id" not in schema and "$defs" not in schema


def test_dead_letter_headers_match_what_the_model_writes() -> None:
    letter = DeadLetter(
        event_id="e", error_class="InvalidJson", reason="bad", source_topic="articles.raw",
        source_partition=1, source_offset=7, original_key=b"k", original_value=b"\xff{",
    )  # fmt: skip
    message = asyncapi_document(__version__)["components"]["messages"]["DeadLetter"]
    headers = message["headers"]
    assert list(headers["properties"]) == [name for name, _ in letter.headers()]
    for name, value in letter.headers():
        assert _validator(headers["properties"][name]).is_valid(value.decode()), name
    assert message["payload"]["type"] == "string" and message["contentType"] == "application/octet-stream"


EVENTS = pytest.mark.parametrize(
    ("message", "file_name"),
    [(_enriched(), "enriched-article.v1.schema.json"), (_stance_event(), "stance-event.v1.schema.json")],
)


@EVENTS
def test_encoded_events_validate_against_their_schema(message: EnrichedArticle | StanceEvent, file_name: str) -> None:
    validator = _validator(json_schemas()[file_name])
    instance = orjson.loads(encode(message))
    validator.validate(instance)
    assert validator.is_valid({**instance, "surprise": 1})  # readers tolerate new properties
    assert not validator.is_valid({key: value for key, value in instance.items() if key != "event_id"})


def test_raw_seeds_that_validate_conform_to_the_raw_schema() -> None:
    schema = json_schemas()["raw-article.v1.schema.json"]
    accepted = 0
    for path in sorted(SEEDS.glob("*.json")):
        try:
            decode(RawArticle, path.read_bytes())
        except ValueError:  # invalid JSON or a schema mismatch: the seeds include both on purpose
            continue
        accepted += 1
        _validator(schema).validate(json.loads(path.read_bytes()))
    assert accepted
