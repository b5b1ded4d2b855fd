"""JSON Schema and AsyncAPI export of every message, for subscribers.

Subscribers in other languages generate code from, and validate against,
these files instead of importing our models. The copies committed under
``schemas/generated/`` are checked against the models by a test and by
``stancewire schemas export --check``, so they cannot drift.
"""

import json
from pathlib import Path
from typing import Any, Protocol

import yaml
from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from schemas.dead_letter import HEADER_PREFIX, DeadLetter
from schemas.topics import TOPICS, Topic, TopicKind

__all__ = [
    "ASYNCAPI_FILE",
    "GENERATED_DIR",
    "asyncapi_document",
    "check_exports",
    "inbound_schema_files",
    "json_schemas",
    "write_exports",
]

GENERATED_DIR = Path(__file__).parent / "generated"
ASYNCAPI_FILE = "asyncapi.yaml"
_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_KAFKA_BINDING_VERSION = "0.5.0"
# The dead letter record's own key and value, so not among its headers.
_DLQ_RECORD_FIELDS = frozenset({"original_key", "original_value"})
_Field = core_schema.ModelField | core_schema.DataclassField | core_schema.TypedDictField


class TopicNames(Protocol):
    """Where each kind of topic lives (``consumers.settings.TopicSettings`` is one)."""

    def name(self, kind: TopicKind, /) -> str:
        """The full topic name of ``kind``."""
        ...


class _DefaultNames:
    def name(self, kind: TopicKind, /) -> str:
        return TOPICS[kind].default_name


class _PublishedSchema(GenerateJsonSchema):
    """The readers' contract: open to new properties, and every field required in serialization mode.

    Readers must accept properties a newer minor version adds, so no object is
    closed (``additionalProperties: false``) even though writers build them
    strictly; ``schemas.encode`` always writes every field, defaults included.
    """

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        """The model's schema without ``additionalProperties: false``."""
        value = super().model_schema(schema)
        if value.get("additionalProperties") is False:
            del value["additionalProperties"]
        return value

    def field_is_required(self, field: _Field, total: bool) -> bool:
        """Required when serialised (defaults are written too); pydantic's rule otherwise."""
        if self.mode == "serialization" and field.get("serialization_exclude_if") is None:
            return True
        return super().field_is_required(field, total)


def _version(model: type[BaseModel]) -> int:
    return int(model.model_fields["schema_version"].default)


def _json_schema(topic: Topic[Any]) -> dict[str, Any]:
    version = _version(topic.model)
    # Producers write what we consume and we validate it, so "validation";
    # subscribers read what we serialise, so "serialization" for the rest.
    mode = "validation" if topic.inbound else "serialization"
    schema = topic.model.model_json_schema(mode=mode, schema_generator=_PublishedSchema)
    schema["title"] = f"{schema['title']} v{version}"
    return {"$schema": _DIALECT, "$id": f"urn:stancewire:schema:{topic.slug}:v{version}", **schema}


def _file_name(topic: Topic[Any]) -> str:
    return f"{topic.slug}.v{_version(topic.model)}.schema.json"


def inbound_schema_files() -> set[str]:
    """The schema files of messages producers send to stancewire (their compatibility is seen from the writer)."""
    return {_file_name(topic) for topic in TOPICS.values() if topic.inbound}


def json_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schema (draft 2020-12) of each message, keyed by file name, e.g. ``raw-article.v1.schema.json``.

    The version in the file name, ``$id`` and title is the model's ``schema_version``,
    so a new version is a new file and subscribers can keep the old one.
    """
    return {_file_name(topic): _json_schema(topic) for topic in TOPICS.values()}


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, list):
        return [_rewrite_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {
        key: value.replace("#/$defs/", "#/components/schemas/", 1) if key == "$ref" else _rewrite_refs(value)
        for key, value in node.items()
    }


def _hoist(name: str, schema: dict[str, Any], into: dict[str, Any]) -> None:
    """Move ``$defs`` into ``components.schemas`` so every ``$ref`` resolves in the document.

    ``$id`` and ``$schema`` are dropped: an embedded ``$id`` would change the base
    that the rewritten refs resolve against.
    """
    body = {key: value for key, value in schema.items() if key not in ("$defs", "$id", "$schema")}
    for part_name, part in [*schema.get("$defs", {}).items(), (name, body)]:
        rewritten = _rewrite_refs(part)
        if into.setdefault(part_name, rewritten) != rewritten:
            raise ValueError(f"two different schemas are named {part_name!r}")


def _header_schema(field: str, prop: dict[str, Any]) -> dict[str, Any]:
    """A DeadLetter field as a header: ``str(value)`` in UTF-8, as ``DeadLetter.headers`` writes it."""
    schema: dict[str, Any] = {"type": "string"}
    if "const" in prop:
        schema["const"] = str(prop["const"])
    elif prop.get("type") == "integer":
        schema["pattern"] = "^[0-9]+$"
    schema["description"] = prop.get("description", f"{prop['title']} (DeadLetter `{field}`).")
    return schema


def _dead_letter_parts(topic: Topic[Any]) -> dict[str, Any]:
    """Payload and headers of a dead letter: the original bytes, and the DeadLetter fields as headers."""
    props = _json_schema(topic)["properties"]
    fields = [field for field in DeadLetter.model_fields if field not in _DLQ_RECORD_FIELDS]
    headers = {HEADER_PREFIX + field.replace("_", "-"): _header_schema(field, props[field]) for field in fields}
    return {
        "description": "The record's key and value are the original ones, untouched, so re-publishing a fixed "
        "message is a copy. The DeadLetter fields travel as `stancewire-*` headers.",
        "contentType": "application/octet-stream",
        "headers": {"type": "object", "properties": headers, "required": list(headers)},
        "payload": {"type": "string", "format": "binary", "description": "The original bytes, untouched."},
    }


def _message(topic: Topic[Any], name: str) -> dict[str, Any]:
    summary = (topic.model.__doc__ or "").strip().splitlines()[0]
    message: dict[str, Any] = {"name": name, "title": f"{name} v{_version(topic.model)}", "summary": summary}
    key: dict[str, Any] = {"type": "string", "description": topic.key_description}
    if not topic.json_value:
        message |= _dead_letter_parts(topic)
        key["format"] = "binary"
    else:
        message["payload"] = {"$ref": f"#/components/schemas/{name}"}
    message["bindings"] = {"kafka": {"key": key, "bindingVersion": _KAFKA_BINDING_VERSION}}
    return message


def _channel(topic: Topic[Any], name: str, address: str) -> dict[str, Any]:
    """A topic as a channel: where it is, what it is for, its message, and how to keep it."""
    configuration = {"cleanup.policy": [topic.cleanup_policy]}
    return {
        "address": address,
        "description": f"{topic.description} Setting: `STANCEWIRE_TOPICS__{topic.kind.upper()}`.",
        "messages": {name: {"$ref": f"#/components/messages/{name}"}},
        "bindings": {"kafka": {"topicConfiguration": configuration, "bindingVersion": _KAFKA_BINDING_VERSION}},
        "x-retention": topic.retention,
    }


def asyncapi_document(version: str, topics: TopicNames | None = None) -> dict[str, Any]:
    """One AsyncAPI 3.0.0 document for every topic, as seen from stancewire (what it receives and sends).

    Args:
        version: The version of stancewire the document describes.
        topics: Topic names and prefix to put in the channel addresses; the defaults if None.
    """
    names = topics or _DefaultNames()
    schemas: dict[str, Any] = {}
    channels, operations, messages = {}, {}, {}
    for kind, topic in TOPICS.items():
        name, action = topic.model.__name__, "receive" if topic.inbound else "send"
        _hoist(name, _json_schema(topic), schemas)
        messages[name] = _message(topic, name)
        channels[kind] = _channel(topic, name, names.name(kind))
        operations[f"{action}{name}"] = {
            "action": action,
            "channel": {"$ref": f"#/channels/{kind}"},
            "messages": [{"$ref": f"#/channels/{kind}/messages/{name}"}],
        }
    description = (
        "Kafka workers that turn raw news articles into entity, stance and alert events. Every event carries a "
        "`schema_version` and a deterministic `event_id`: drop the duplicates that at-least-once delivery and "
        "replays produce by remembering the ids. Topic names are settings, with a prefix "
        "(`STANCEWIRE_TOPICS__PREFIX`). Compatibility: a minor version may add properties and enum values "
        "(`x-extensible-enum`), so readers ignore "
        "properties and accept values they do not know; a breaking change is a new `schema_version` on new topics "
        "with a version suffix, published beside the old ones while subscribers move."
    )
    local = {"host": "127.0.0.1:9092", "protocol": "kafka", "description": "The local broker (docker/kafka-local.sh)."}
    return {
        "asyncapi": "3.0.0",
        "info": {"title": "stancewire", "version": version, "description": description},
        "defaultContentType": "application/json",
        "servers": {"local": local},
        "channels": channels,
        "operations": operations,
        "components": {"schemas": schemas, "messages": messages},
    }


class _Dumper(yaml.SafeDumper):
    """Writes repeated objects in full: anchors and aliases confuse some AsyncAPI tools."""

    def ignore_aliases(self, data: Any) -> bool:
        """Never alias."""
        return True


def _render(version: str) -> dict[str, bytes]:
    files = {name: (json.dumps(schema, indent=2) + "\n").encode() for name, schema in json_schemas().items()}
    document = yaml.dump(asyncapi_document(version), Dumper=_Dumper, sort_keys=False, width=1000, allow_unicode=True)
    files[ASYNCAPI_FILE] = document.encode()
    return files


def _stale(directory: Path, files: dict[str, bytes]) -> list[str]:
    paths = {name: directory / name for name in files}
    return [name for name, path in paths.items() if not path.is_file() or path.read_bytes() != files[name]]


def write_exports(version: str, directory: Path = GENERATED_DIR) -> list[Path]:
    """Write every JSON Schema file and ``asyncapi.yaml`` (default topic names, ``version``) into ``directory``.

    The bytes are the same for the same models, so the files can be committed
    and checked; unchanged files are not rewritten, older versions are kept.
    """
    files = _render(version)
    directory.mkdir(parents=True, exist_ok=True)
    for name in _stale(directory, files):
        (directory / name).write_bytes(files[name])
    return [directory / name for name in files]


def check_exports(version: str, directory: Path = GENERATED_DIR) -> list[str]:
    """Names of the export files in ``directory`` that are missing or differ from the models (and ``version``)."""
    return _stale(directory, _render(version))
