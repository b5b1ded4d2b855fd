"""The compatibility check: current exports against the last release, and each kind of break it catches."""

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from consumers.commands.cli import main
from schemas.compat import RELEASED_DIR, breaking_changes, latest_release, release_breaks, write_release
from schemas.export import inbound_schema_files, json_schemas

Schema = dict[str, Any]
ENRICHED = "enriched-article.v1.schema.json"
RAW = "raw-article.v1.schema.json"


def _current(name: str) -> Schema:
    return copy.deepcopy(json_schemas()[name])


def test_the_current_exports_do_not_break_the_last_release() -> None:
    assert release_breaks(json_schemas(), inbound_schema_files()) == []


def test_every_released_schema_is_still_exported() -> None:
    assert {path.name for path in latest_release().glob("*.schema.json")} <= set(json_schemas())


def test_the_newest_release_is_found_by_version_number(tmp_path: Path) -> None:
    for version in ("0.9.1", "0.10.0", "0.2.0"):
        (tmp_path / version).mkdir()
    assert latest_release(tmp_path).name == "0.10.0"
    assert latest_release().parent == RELEASED_DIR


def _drop(schema: Schema, *path: str) -> None:
    node = schema
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]


BREAKS: list[tuple[str, Callable[[Schema], None], str]] = [
    ("removed property", lambda s: _drop(s, "properties", "url"), "url: property removed"),
    (
        "removed nested property",
        lambda s: _drop(s, "$defs", "Mention", "properties", "start"),
        "entities[].mentions[].start: property removed",
    ),
    (
        "changed type",
        lambda s: s["$defs"]["Provenance"]["properties"]["partition"].update(type="string"),
        "provenance.partition: type changed from ['integer'] to ['string']",
    ),
    (
        "nullable now",
        lambda s: s["properties"].update(title={"anyOf": [{"type": "string"}, {"type": "null"}]}),
        "title: type changed from ['string'] to ['null', 'string']",
    ),
    (
        "removed enum value",
        lambda s: s["$defs"]["EntityType"]["x-extensible-enum"].remove("FAC"),
        "entities[].type: enum values removed: ['FAC']",
    ),
    (
        "enum closed",
        lambda s: s["$defs"]["EntityType"].update(enum=s["$defs"]["EntityType"].pop("x-extensible-enum")),
        "entities[].type: enum closed to new values",
    ),
    (
        "no longer always written",
        lambda s: s["required"].remove("provenance"),
        "provenance: no longer always present (readers may rely on it)",
    ),
    ("closed object", lambda s: s.update(additionalProperties=False), "<message>: closed to new properties"),
    (
        "new major version on the same file",
        lambda s: s["properties"]["schema_version"].update(const=2, default=2),
        "schema_version: constant changed from [1] to [2]",
    ),
]


@pytest.mark.parametrize(("change", "mutate", "expected"), BREAKS, ids=[b[0] for b in BREAKS])
def test_each_kind_of_break_is_caught(change: str, mutate: Callable[[Schema], None], expected: str) -> None:
    new = _current(ENRICHED)
    mutate(new)
    assert breaking_changes(_current(ENRICHED), new, inbound=False) == [expected]


def test_a_newly_required_property_breaks_producers() -> None:
    new = _current(RAW)
    new["required"].append("language")
    new["properties"]["region"] = {"type": "string"}
    new["required"].append("region")
    assert breaking_changes(_current(RAW), new, inbound=True) == [
        "language: newly required (producers that leave it out are refused)",
        "region: newly required (producers that leave it out are refused)",
    ]


def test_additive_changes_are_compatible() -> None:
    new = _current(ENRICHED)
    new["properties"]["sentiment"] = {"type": "number"}
    new["required"].append("sentiment")  # published fields are always written
    new["$defs"]["EntityType"]["x-extensible-enum"].append("WORK_OF_ART")
    new["$defs"]["Mention"]["properties"]["sentence"] = {"type": "integer"}
    assert breaking_changes(_current(ENRICHED), new, inbound=False) == []
    raw = _current(RAW)
    raw["properties"]["tags"] = {"type": "array", "items": {"type": "string"}}
    assert breaking_changes(_current(RAW), raw, inbound=True) == []


def test_the_0_1_0_release_was_closed_and_its_successor_only_opens_it() -> None:
    released = json.loads((RELEASED_DIR / "0.1.0" / ENRICHED).read_text())
    assert released["additionalProperties"] is False and "enum" in released["$defs"]["EntityType"]
    assert breaking_changes(released, json_schemas()[ENRICHED], inbound=False) == []


def _release(directory: Path, **edits: Callable[[Schema], None]) -> Path:
    directory.mkdir()
    for name, schema in json_schemas().items():
        schema = copy.deepcopy(schema)
        edits.get(name.split(".")[0].replace("-", "_"), lambda s: None)(schema)
        (directory / name).write_text(json.dumps(schema))
    return directory


def test_a_schema_missing_from_the_exports_is_a_break(tmp_path: Path) -> None:
    released = _release(tmp_path / "9.0.0")
    (released / "sentiment.v1.schema.json").write_text("{}")
    assert release_breaks(json_schemas(), inbound_schema_files(), released) == [
        "sentiment.v1.schema.json: schema removed"
    ]


def test_the_command_fails_on_a_break_and_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The release had a property the models no longer write.
    released = _release(
        tmp_path / "9.0.0", alert=lambda s: (s["properties"].update(channel={"type": "string"}), None)[1]
    )
    assert main(["schemas", "compat", "--against", str(released)]) == 1
    assert "breaking: alert.v1.schema.json: channel: property removed" in capsys.readouterr().err
    assert main(["schemas", "compat"]) == 0


def test_a_release_is_written_once_and_then_is_the_newest(tmp_path: Path) -> None:
    (tmp_path / "0.1.0").mkdir()
    released = write_release("0.2.0", json_schemas(), tmp_path)
    assert latest_release(tmp_path) == released
    assert release_breaks(json_schemas(), inbound_schema_files(), released) == []
    assert json.loads((released / ENRICHED).read_text()) == json_schemas()[ENRICHED]
    with pytest.raises(FileExistsError):
        write_release("0.2.0", json_schemas(), tmp_path)


def test_the_command_refuses_a_release_that_is_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemas", "compat", "--against", str(tmp_path / "9.9.9")]) == 2
    assert capsys.readouterr().err == f"stancewire: no released schemas at {tmp_path / '9.9.9'}\n"
