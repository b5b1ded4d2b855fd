"""The event tables derived from the PETRARCH2 dictionaries and PLOVER's CAMEO table, read once per process.

``consumers.nlp.training.event_tables`` writes them to ``data/events`` (see the
NOTICE there for sources and licences); this module only reads the shipped
files. They are broad but noisy, written for a coder to consult after its own
rules: which PLOVER event a verb lemma signals, which verb + argument patterns
change that event, which sector a common noun ("police", "warplanes") stands
for, and which country and sector a named person or group belongs to. The
coder's curated patterns decide first where an object changes a verb's
event; the derived patterns and multi-word verbs are consulted for verbs
with no event of their own (``consumers.nlp.events.patterns``).

A missing table reads as empty, with a warning, so a checkout without the
generated data still runs; a malformed one (or a sector ``schemas.events``
does not know) raises.
"""

import gzip
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast, get_args

from consumers.nlp.folding import fold
from schemas.events import Sector

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).with_name("data") / "events"
VERBS_FILE = DATA_DIR / "verbs.json"
AGENTS_FILE = DATA_DIR / "agents.json"
ACTORS_FILE = DATA_DIR / "actors.json.gz"


@dataclass(frozen=True)
class VerbEvent:
    """The event a verb signals on its own: CAMEO code, PLOVER event type and mode (or context)."""

    code: str
    event: str
    mode: str | None


@dataclass(frozen=True)
class VerbPattern:
    """Words that, among a verb's arguments, make it another event ("hold" + "talk" -> CONSULT).

    ``prep`` is the preposition the first of them hangs from ("meet" + ``with`` "leader"), or None for a
    direct argument; ``words`` are lower-case singulars where the dictionary also had the singular.
    """

    words: tuple[str, ...]
    prep: str | None
    code: str
    event: str
    mode: str | None


@dataclass(frozen=True)
class VerbLexicon:
    """Verb lemma -> its own event, and verb lemma -> the patterns that give it a different one."""

    verbs: Mapping[str, VerbEvent]
    patterns: Mapping[str, tuple[VerbPattern, ...]]


@dataclass(frozen=True)
class Term:
    """A span in which a person stood for a country's sector; no dates means the default term.

    ``country`` is ISO3, or for the head of an intergovernmental organisation its id (``org:nato``,
    sector ``igo``): the secretary-general acts for the organisation, not for the country they come from.

    ``start`` and ``end`` are ISO dates (``"2012-11-06"``), inclusive, as the table stores them: they
    compare as strings. ``kept`` marks a term from the hand-kept officials table (``source`` in the
    table), which the coder prefers over a namesake's dictionary term.
    """

    country: str
    sector: Sector
    start: str | None
    end: str | None
    kept: bool = False

    @property
    def dated(self) -> bool:
        """Whether the term is limited in time (the undated one applies when no dated one does)."""
        return self.start is not None or self.end is not None

    def covers(self, day: date | str) -> bool:
        """Whether the day (a date or an ISO date) falls within the term."""
        when = day.isoformat() if isinstance(day, date) else day
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True)
class Group:
    """A named organisation's sector, and its country where it belongs to one (None for IGOs and regions)."""

    country: str | None
    sector: Sector
    name: str | None = None  # the name in full an alias or acronym stands for ("IMF" -> International Monetary Fund)


@dataclass(frozen=True)
class KnownActors:
    """Named people (full names, lower case) with their terms, named groups, and cities with their country."""

    people: Mapping[str, tuple[Term, ...]]
    groups: Mapping[str, Group]
    places: Mapping[str, str] = field(default_factory=dict)  # city or region (lower case) -> ISO3 of its country

    def full_name(self, name: str) -> str | None:
        """The name in full a group's alias or acronym stands for ("IMF", "the ICRC"), where the tables link them."""
        group = self.groups.get(fold(" ".join(name.lower().split()).removeprefix("the ")))
        return group.name if group is not None else None

    def person_on(self, name: str, day: date | str | None = None) -> Term | None:
        """The term a name stands for on ``day``, as PETRARCH reads actor dates.

        A dated term covering the day wins (the latest-starting one if several do), else the undated term;
        a name whose dated terms all miss the day and that has no undated term stands for nothing then.
        Without a day, the undated term or else the latest one.
        """
        terms = self.people.get(name, ())
        if not terms:
            return None
        default = next((term for term in terms if not term.dated), None)
        if day is None:
            return default or max(terms, key=lambda term: term.start or "")
        covering = [term for term in terms if term.dated and term.covers(day)]
        return max(covering, key=lambda term: term.start or "") if covering else default


def _read(path: Path) -> Any:
    """The parsed table, or None (with a warning) when the file is not there."""
    if not path.is_file():
        logger.warning("event table %s is missing: python -m consumers.nlp.training.event_tables writes it", path)
        return None
    raw = path.read_bytes()
    return json.loads(gzip.decompress(raw) if path.suffix == ".gz" else raw)


_SECTORS: frozenset[str] = frozenset(get_args(Sector))


def _sector(value: str) -> Sector:
    """A sector name from a table, checked against ``schemas.events.Sector``."""
    if value not in _SECTORS:
        raise ValueError(f"event tables: unknown sector {value!r}")
    return cast(Sector, value)  # checked against the Literal's values just above


@cache
def verb_lexicon() -> VerbLexicon:
    """The CAMEO verbs' PLOVER events and their patterns (``data/events/verbs.json``)."""
    table = _read(VERBS_FILE) or {"verbs": {}, "patterns": {}}
    verbs = {lemma: VerbEvent(row["code"], row["event"], row["mode"]) for lemma, row in table["verbs"].items()}
    patterns = {
        lemma: tuple(
            VerbPattern(tuple(row["words"]), row["prep"], row["code"], row["event"], row["mode"]) for row in rows
        )
        for lemma, rows in table["patterns"].items()
    }
    return VerbLexicon(MappingProxyType(verbs), MappingProxyType(patterns))


@cache
def agent_sectors() -> Mapping[str, Sector]:
    """Common noun phrase (lower case, singular and plural) -> sector (``data/events/agents.json``)."""
    table: dict[str, str] = _read(AGENTS_FILE) or {}
    return MappingProxyType({noun: _sector(sector) for noun, sector in table.items()})


@cache
def known_actors() -> KnownActors:
    """Named people, groups and places (``data/events/actors.json.gz``)."""
    table = _read(ACTORS_FILE) or {"people": {}, "groups": {}}
    people = {
        name: tuple(
            Term(row["country"], _sector(row["sector"]), row["from"], row["to"], row.get("source") == "officials")
            for row in rows
        )
        for name, rows in table["people"].items()
    }
    groups = {
        name: Group(row["country"], _sector(row["sector"]), row.get("name")) for name, row in table["groups"].items()
    }
    places = MappingProxyType(dict(table.get("places", {})))
    return KnownActors(MappingProxyType(people), MappingProxyType(groups), places)
