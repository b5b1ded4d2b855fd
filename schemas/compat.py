"""Breaking changes between a released JSON Schema of a message and the current one.

The compatibility rule (README, "Compatibility policy"): within a major
version a message may only gain optional properties and enum values. What
breaks someone is refused here, from both sides of a topic:

- every message: a property removed, a property's type changed, an enum
  value removed, an enum or an object closed to new values or properties;
- what stancewire publishes (readers depend on it): a property that was
  always written becoming optional;
- what producers send stancewire (``inbound``): a property newly required.

The released schemas live in ``schemas/released/<version>/``; CI compares the
current exports with the newest of them (``stancewire schemas compat``).
"""

import json
from pathlib import Path
from typing import Any

from schemas._extensible import EXTENSIBLE_KEYWORD

__all__ = ["RELEASED_DIR", "breaking_changes", "latest_release", "release_breaks", "write_release"]

RELEASED_DIR = Path(__file__).parent / "released"
_JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", type(None): "null"}


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow ``#/$defs/...`` references (the only kind the exports use)."""
    seen: set[str] = set()
    while isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        seen.add(node["$ref"])
        node = root["$defs"][node["$ref"].removeprefix("#/$defs/")]
    return node


def _members(root: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives a value may take: an ``anyOf``/``oneOf`` flattened, references followed."""
    node = _resolve(root, node)
    alternatives = node.get("anyOf") or node.get("oneOf")
    if not alternatives:
        return [node]
    return [member for alternative in alternatives for member in _members(root, alternative)]


def _types(members: list[dict[str, Any]]) -> set[str]:
    types: set[str] = set()
    for member in members:
        declared = member.get("type")
        if isinstance(declared, list):
            types.update(declared)
        elif isinstance(declared, str):
            types.add(declared)
        elif "const" in member:
            types.add(_JSON_TYPES.get(type(member["const"]), "any"))
        else:
            types.add("any")
    return types


def _values(members: list[dict[str, Any]]) -> tuple[set[Any], bool]:
    """Known enum values, and whether the enum is open to new ones (``x-extensible-enum``)."""
    values: set[Any] = set()
    extensible = False
    for member in members:
        values.update(member.get("enum", []))
        values.update(member.get(EXTENSIBLE_KEYWORD, []))
        extensible |= EXTENSIBLE_KEYWORD in member
    return values, extensible


def _single(members: list[dict[str, Any]], key: str) -> dict[str, Any] | None:
    found = [member for member in members if key in member]
    return found[0] if len(found) == 1 else None


class _Comparison:
    """One walk over an old and a new schema, collecting what breaks."""

    def __init__(self, old: dict[str, Any], new: dict[str, Any], inbound: bool) -> None:
        self.old, self.new, self.inbound = old, new, inbound
        self.changes: list[str] = []

    def _report(self, path: str, what: str) -> None:
        self.changes.append(f"{path or '<message>'}: {what}")

    def node(self, path: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Compare one value's schema, then its properties or items."""
        old_members, new_members = _members(self.old, old), _members(self.new, new)
        old_types, new_types = _types(old_members), _types(new_members)
        if old_types != new_types:
            self._report(path, f"type changed from {sorted(old_types)} to {sorted(new_types)}")
            return
        self._values(path, old_members, new_members)
        old_object, new_object = _single(old_members, "properties"), _single(new_members, "properties")
        if old_object is not None and new_object is not None:
            self.object(path, old_object, new_object)
        old_items, new_items = _single(old_members, "items"), _single(new_members, "items")
        if old_items is not None and new_items is not None:
            self.node(f"{path}[]", old_items["items"], new_items["items"])

    def _values(self, path: str, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> None:
        old_consts = {member["const"] for member in old if "const" in member}
        new_consts = {member["const"] for member in new if "const" in member}
        if old_consts != new_consts:
            self._report(path, f"constant changed from {sorted(old_consts)} to {sorted(new_consts)}")
        (old_values, old_open), (new_values, new_open) = _values(old), _values(new)
        if old_values - new_values:
            self._report(path, f"enum values removed: {sorted(old_values - new_values)}")
        if old_open and not new_open:
            self._report(path, "enum closed to new values")

    def object(self, path: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Compare two object schemas: properties kept, required sets, openness."""
        prefix = f"{path}." if path else ""
        for name, schema in old["properties"].items():
            if name not in new["properties"]:
                self._report(prefix + name, "property removed")
            else:
                self.node(prefix + name, schema, new["properties"][name])
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
        if self.inbound:
            for name in sorted(new_required - old_required):
                self._report(prefix + name, "newly required (producers that leave it out are refused)")
        else:
            for name in sorted(old_required - new_required):
                self._report(prefix + name, "no longer always present (readers may rely on it)")
        if old.get("additionalProperties") is not False and new.get("additionalProperties") is False:
            self._report(path, "closed to new properties")


def breaking_changes(old: dict[str, Any], new: dict[str, Any], *, inbound: bool) -> list[str]:
    """What in ``new`` breaks a reader (or, ``inbound``, a producer) written against ``old``; empty if nothing."""
    comparison = _Comparison(old, new, inbound)
    comparison.node("", old, new)
    return comparison.changes


def latest_release(directory: Path = RELEASED_DIR) -> Path:
    """The newest ``<version>/`` under ``directory``, by numeric version (``0.10.0`` after ``0.9.1``)."""
    releases = [path for path in directory.iterdir() if path.is_dir()]
    if not releases:
        raise FileNotFoundError(f"no released schemas under {directory}")
    return max(releases, key=lambda path: tuple(int(part) for part in path.name.split(".")))


def release_breaks(current: dict[str, dict[str, Any]], inbound: set[str], released: Path | None = None) -> list[str]:
    """Breaking changes of the ``current`` schemas (by file name) against a release (default: the newest).

    ``inbound`` names the files of messages producers send to stancewire. A
    released file with no current counterpart is a break: its readers lose
    their contract (a major version adds a new file and keeps the old one
    while both are published).
    """
    directory = released or latest_release()
    if not directory.is_dir():
        raise FileNotFoundError(f"no released schemas at {directory}")
    changes: list[str] = []
    for path in sorted(directory.glob("*.schema.json")):
        if path.name not in current:
            changes.append(f"{path.name}: schema removed")
            continue
        old = json.loads(path.read_text())
        found = breaking_changes(old, current[path.name], inbound=path.name in inbound)
        changes += [f"{path.name}: {change}" for change in found]
    return changes


def write_release(version: str, current: dict[str, dict[str, Any]], directory: Path = RELEASED_DIR) -> Path:
    """Keep the ``current`` schemas as release ``version``; a release, once written, never changes."""
    target = directory / version
    if target.exists():
        raise FileExistsError(f"{target} exists: a released contract is never rewritten")
    target.mkdir(parents=True)
    for name, schema in current.items():
        (target / name).write_text(json.dumps(schema, indent=2) + "\n")
    return target
