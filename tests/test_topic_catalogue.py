"""The topic catalogue: one entry per kind of topic, read by settings and commands; schemas/ stands alone."""

import subprocess
import sys

from consumers.commands.tail import resolve_topic
from consumers.settings import TopicSettings
from schemas import StanceEvent, StanceRelation
from schemas.topics import KINDS, OUTPUT_KINDS, TOPICS
from tests.factories import stance_event


def test_every_kind_has_an_entry_and_a_setting() -> None:
    assert tuple(TOPICS) == KINDS
    assert all(TOPICS[kind].kind == kind for kind in KINDS)
    assert OUTPUT_KINDS == ("enriched", "stance", "alerts", "dlq")
    topics = TopicSettings(prefix="p.")
    assert {kind: topics.name(kind) for kind in KINDS} == {kind: f"p.{TOPICS[kind].default_name}" for kind in KINDS}


def test_tail_knows_every_kind_by_its_short_and_full_name() -> None:
    from consumers.settings import Settings

    settings = Settings(topics=TopicSettings(prefix="p."))
    for kind in KINDS:
        assert resolve_topic(settings, kind) == (f"p.{TOPICS[kind].default_name}", kind)
        assert resolve_topic(settings, f"p.{TOPICS[kind].default_name}")[1] == kind


def test_a_stance_event_carries_every_field_of_its_relation_with_its_description() -> None:
    for name, field in StanceRelation.model_fields.items():
        copy = StanceEvent.model_fields[name]
        assert (copy.annotation, copy.default, copy.description) == (field.annotation, field.default, field.description)
    event = stance_event("a1", "country:CHN", "country:USA", "cooperative")
    assert TOPICS["stance"].key(event) == b"country:CHN->country:USA"


def _imports_none_of(modules: str, packages: tuple[str, ...]) -> None:
    probe = (
        f"import sys, {modules}; "
        f"leaked = sorted(m for m in sys.modules if m.split('.')[0] in {packages!r}); "
        "print(leaked); sys.exit(1 if leaked else 0)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schemas_import_nothing_from_consumers() -> None:
    _imports_none_of("schemas, schemas.export, schemas.topics", ("consumers",))


def test_the_enrichment_core_imports_no_kafka_client() -> None:
    _imports_none_of("consumers.core", ("aiokafka", "faust", "kafka"))


def test_the_asyncapi_channels_are_the_catalogue() -> None:
    from consumers import __version__
    from schemas.export import asyncapi_document

    channels = asyncapi_document(__version__)["channels"]
    assert tuple(channels) == KINDS
    for kind, channel in channels.items():
        topic = TOPICS[kind]
        assert list(channel["messages"]) == [topic.model.__name__]
        assert channel["description"].startswith(topic.description)
        assert channel["bindings"]["kafka"]["topicConfiguration"] == {"cleanup.policy": [topic.cleanup_policy]}
        assert channel["x-retention"] == topic.retention
