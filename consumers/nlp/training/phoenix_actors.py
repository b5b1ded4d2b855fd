"""Named people (country, sector, dated terms) and named groups, from the Phoenix actor lists."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from consumers.nlp.training.dictionary_text import phrase, spellings
from consumers.nlp.training.phoenix_agents import INTERNATIONAL_SECTORS, ROLE_SECTORS
from consumers.nlp.training.phoenix_records import (
    DateReport,
    Record,
    Role,
    Term,
    is_name,
    looks_personal,
    read_actor_records,
)

COUNTRY_FILE = "Phoenix.Countries.actors.txt"
INTERNATIONAL_FILE = "Phoenix.International.actors.txt"
ARMED_GROUP_FILE = "Phoenix.MilNonState.actors.txt"


def country_codes(records: Iterable[Record]) -> frozenset[str]:
    """The country codes the country dictionary defines: records coded with a bare three-letter code."""
    return frozenset(role.code for record in records for role in record.roles if re.fullmatch(r"[A-Z]{3}", role.code))


def _role_after(code: str, countries: frozenset[str]) -> str:
    """The role segment after a code's country and any territory (``GBRVGBGOV`` -> ``GOV``)."""
    rest = code[3:]
    while rest[:3] in countries and rest[:3] not in ROLE_SECTORS:
        rest = rest[3:]
    return rest[:3]


def person_role(role: Role, countries: frozenset[str]) -> Term | None:
    """A term as ``{country, sector, from, to}`` when the code is a country and a role with a sector."""
    if role.code[:3] not in countries:
        return None
    sector = ROLE_SECTORS.get(_role_after(role.code, countries))
    if sector is None:
        return None
    return {"country": role.code[:3], "sector": sector, "from": role.start, "to": role.end}


def group_role(role: Role, countries: frozenset[str], *, armed: bool) -> dict[str, str | None] | None:
    """A group's ``{country, sector}``: IGO, NGO, MNC, IMG codes, a bare role (MED), or place + role.

    The country is the code's prefix only when that is a country (``PSEREB``); regions (``MEAREB``) and
    ``INTREB`` leave it empty. In the armed-groups file a code without a role (``WEU``) still means rebels.
    """
    prefix = role.code[:3]
    if prefix in INTERNATIONAL_SECTORS:
        return {"country": None, "sector": INTERNATIONAL_SECTORS[prefix]}
    if prefix in ROLE_SECTORS and prefix not in countries:
        # a bare role (news outlets are [MED]); ELI ranks a person within a country and says nothing alone
        return {"country": None, "sector": ROLE_SECTORS[prefix]} if prefix != "ELI" else None
    sector = ROLE_SECTORS.get(_role_after(role.code, countries))
    if sector is None and armed:
        sector = "rebels"
    if sector is None:
        return None
    return {"country": prefix if prefix in countries else None, "sector": sector}


def _current(roles: list[Role]) -> list[Role]:
    """The roles that still hold: open-ended ones (latest start first), then undated defaults."""
    open_ended = sorted((role for role in roles if role.start and not role.end), key=lambda r: r.start or "")
    return open_ended[::-1] + [role for role in roles if not role.dated]


def group_keys(name: str, places: frozenset[str], common: frozenset[str]) -> list[str]:
    """A group's name without parentheses, plus a parenthesised acronym as its own key.

    ``DEMOCRATIC_FRONT_FOR_THE_LIBERATION_OF_PALESTINE_(DFLP)_`` gives the full name and ``dflp``;
    ``DIRECT_ACTION_(GREECE)_`` only ``direct action``: a place or a translation is no acronym. Two letters
    (``(CA)``) or an everyday word (``(AN)``, ``(CAR)``: in ``common``) would match ordinary text, so such
    an acronym is no key either; acronyms the dictionary lists as synonyms (``+ETA_``) stay.
    """
    text = phrase(name)
    inner = re.findall(r"\(([^()]*)\)", text)
    main = " ".join(re.sub(r"\([^()]*\)", " ", text).split()).strip(" ,")
    keys = [main] if main else []
    initials = "".join(word[0] for word in re.split(r"[\s-]+", main) if word)
    for candidate in inner:
        candidate = candidate.strip()
        letters = candidate.replace(".", "").replace("-", "")
        is_acronym = (
            " " not in candidate
            and 3 <= len(letters) <= 8
            and letters.isalnum()
            and any(ch.isalpha() for ch in letters)
            and candidate not in places
            and candidate not in common
            and (len(letters) <= 5 or _subsequence(letters, initials))
        )
        if is_acronym:
            keys.append(candidate)
    return keys


def _subsequence(letters: str, initials: str) -> bool:
    remaining = iter(initials)
    return all(letter in remaining for letter in letters)


def _kind(term: Term) -> tuple[str, str, str]:
    """What a term says and where it comes from: terms of one kind may be joined."""
    return term["country"] or "", term["sector"] or "", term.get("source") or ""


def merge_terms(terms: list[Term]) -> list[Term]:
    """A person's terms with overlapping or back-to-back spans of one country and sector joined.

    Limits are inclusive, so a span ending 2008-05-07 and one starting 2008-05-08 leave no gap. Terms only
    say which country and sector a name stands for on a date (a dated term that covers it, else the undated
    default), so joining equal ones changes no answer; and where the default agrees with every dated term,
    the default alone gives the same answers. Dated terms come first, by start; the default last. Terms
    of different sources (a ``source`` the officials table writes) stay apart.
    """
    merged: list[Term] = []
    defaults = [term for term in terms if term["from"] is None and term["to"] is None]
    dated = sorted((term for term in terms if term not in defaults), key=lambda t: (*_kind(t), t["from"] or ""))
    for term in dated:
        last = merged[-1] if merged else None
        if last and _kind(last) == _kind(term) and _touches(last, term):
            ends = [last["to"], term["to"]]
            merged[-1] = last | {"to": None if None in ends else max(end for end in ends if end)}
        else:
            merged.append(dict(term))
    values = {_kind(term) for term in merged}
    defaults = list({(t["country"], t["sector"]): t for t in defaults}.values())
    if len(defaults) == 1 and values <= {_kind(defaults[0])}:
        return defaults
    return sorted(merged, key=lambda t: (t["from"] or "", t["to"] or "9999")) + defaults


def _touches(earlier: Term, later: Term) -> bool:
    """Whether ``later`` (sorted by start) starts no later than the day after ``earlier`` ends."""
    if earlier["to"] is None or later["from"] is None:
        return True
    return date.fromisoformat(later["from"]) <= date.fromisoformat(earlier["to"]) + timedelta(days=1)


@dataclass
class ActorReport:
    """What ``build_actors`` kept and dropped, for the command's summary."""

    people: int = 0
    groups: int = 0
    conflicting_groups: list[str] = field(default_factory=list)
    dates: DateReport = field(default_factory=DateReport)


def place_names(records: list[Record]) -> frozenset[str]:
    """The names of the country file's places: records coded with country codes only."""
    return frozenset(
        phrase(name)
        for record in records
        if record.roles and all(re.fullmatch(r"[A-Z]{3}", role.code) for role in record.roles)
        for name in record.names
    )


def build_actors(data: Path, common: frozenset[str]) -> tuple[dict[str, Any], ActorReport]:
    """``actors.json``: people with their terms, and groups with their country and sector.

    A record is a person when its primary phrase (or, for a record with dated terms, a synonym) reads as a
    full name and some code is a country plus a role with a sector; its name-like phrases are the keys and
    its terms are merged with any namesake's. In the country and international files an undated name is
    taken as a person too; in the armed-groups file short undated names are mostly groups ("Boko Haram"), so
    a person there needs a dated term or an elite (ELI) code. Other records are groups if some code that
    still holds gives a sector; their keys are every phrase, with parenthesised acronyms split off. A group
    key that records give different values is dropped: it names none of them reliably. ``common`` holds
    everyday words, which no inferred acronym may be.
    """
    report = ActorReport()
    sources = {
        name: list(read_actor_records(data / name, report.dates))
        for name in (COUNTRY_FILE, INTERNATIONAL_FILE, ARMED_GROUP_FILE)
    }
    countries = country_codes(sources[COUNTRY_FILE])
    places = place_names(sources[COUNTRY_FILE])
    people: dict[str, list[Term]] = {}
    groups: dict[str, dict[str, str | None]] = {}
    conflicts: set[str] = set()
    for source, records in sources.items():
        armed = source == ARMED_GROUP_FILE
        for record in records:
            names = [phrase(name).strip(" ,") for name in record.names]
            dated = any(role.dated for role in record.roles)
            terms = [term for role in record.roles if (term := person_role(role, countries))]
            elite = any(_role_after(role.code, countries) == "ELI" for role in record.roles)
            keys = [name for name in names if is_name(name)]
            named = is_name(names[0]) or (dated and bool(keys))
            if named and terms and (dated or elite or not armed):
                report.people += 1
                for key in dict.fromkeys(spelling for name in keys for spelling in spellings(name)):
                    merged = people.setdefault(key, [])
                    merged.extend(term for term in terms if term not in merged)
                continue
            if source == COUNTRY_FILE and looks_personal(names[0]):
                continue  # a long name or a person without a sector: the country file's groups are institutions
            value = next(
                (found for role in _current(record.roles) if (found := group_role(role, countries, armed=armed))),
                None,
            )
            if value is None:
                continue
            report.groups += 1
            for name in record.names:
                for key in (spelling for found in group_keys(name, places, common) for spelling in spellings(found)):
                    if len(key) < 2:
                        continue
                    if groups.setdefault(key, value) != value:
                        conflicts.add(key)
    for key in conflicts:
        groups.pop(key, None)
    report.conflicting_groups = sorted(conflicts)
    return {"people": {key: merge_terms(terms) for key, terms in people.items()}, "groups": groups}, report
