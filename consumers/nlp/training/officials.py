"""Office holders since 2015 from a hand-maintained table, merged over the dictionaries' people.

The Phoenix dictionaries stop about 2015, so current heads of state and
government, foreign and defence ministers, military chiefs and heads of
intergovernmental organisations are missing or stale there (a minister's term
left open years after it ended, a former prime minister still coded for his
country once he leads NATO). ``data/officials_since_2015.tsv`` lists them from
public record, one row per office held: name, country (ISO3, or for the head
of an IGO the organisation's id, ``org:nato``, with sector ``igo``), sector,
from, to (empty while in office), role (for readers only) and other spellings.
Dates are ``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` where only that much is
sure: a start then reads as the first day, an end as the last.

Merge rule: for a name the table lists (every spelling, accents folded as
the dictionaries' names are), the table is the record from the start of
that person's first row on. The dictionaries' terms for the name are cut to
end the day before (an undated term becomes one ending then, a term starting
later is dropped), and the table's terms are added. So the dictionaries still
speak for earlier years, and between and after the table's rows the person
holds no office and stands for no country, as with a dictionary term that
ended. Names the table does not list keep the dictionaries' terms unchanged.
"""

import calendar
import csv
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from pathlib import Path

from consumers.nlp.training.dictionary_text import spellings
from consumers.nlp.training.phoenix_actors import merge_terms
from consumers.nlp.training.phoenix_records import Term

OFFICIALS_FILE = Path(__file__).with_name("data") / "officials_since_2015.tsv"


COLUMNS = ("name", "country", "sector", "from", "to", "role", "aliases")


def iso_day(text: str, *, end: bool) -> str:
    """``2015``, ``2015-08`` or ``2015-08-06`` as an ISO date: a start's first day, an end's last."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 3:
        return date(*parts).isoformat()
    year = parts[0]
    month = parts[1] if len(parts) == 2 else (12 if end else 1)
    day = calendar.monthrange(year, month)[1] if end else 1
    return date(year, month, day).isoformat()


def _rows(path: Path) -> Iterator[dict[str, str]]:
    """The table's rows as column -> text, comment lines and the header skipped."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ValueError(f"{path}: the header must be {' '.join(COLUMNS)}")
    for row in reader:
        if None in row.values() or not row["name"] or not row["from"]:
            raise ValueError(f"{path}: malformed row {row}")
        yield row


def read_officials(path: Path = OFFICIALS_FILE) -> dict[str, list[Term]]:
    """Lower-case name (each spelling) -> the terms the table gives it, in the table's order."""
    officials: dict[str, list[Term]] = {}
    for row in _rows(path):
        term: Term = {
            "country": row["country"],
            "sector": row["sector"],
            "from": iso_day(row["from"], end=False),
            "to": iso_day(row["to"], end=True) if row["to"] else None,
        }
        names = [row["name"], *(alias for alias in row["aliases"].split("|") if alias)]
        for key in dict.fromkeys(spelling for name in names for spelling in spellings(" ".join(name.lower().split()))):
            terms = officials.setdefault(key, [])
            if term not in terms:
                terms.append(term)
    return officials


def _until(term: Term, last: str) -> Term | None:
    """The part of a dictionary term up to ``last`` (inclusive), or None when it starts later."""
    if term["from"] is not None and term["from"] > last:
        return None
    return term | {"to": last if term["to"] is None or term["to"] > last else term["to"]}


def merge_officials(people: Mapping[str, list[Term]], officials: Mapping[str, list[Term]]) -> dict[str, list[Term]]:
    """The people table with the officials table's names taken over from their first term on (module doc)."""
    merged = {name: list(terms) for name, terms in people.items()}
    for name, terms in officials.items():
        first = min(term["from"] or "" for term in terms)
        last = (date.fromisoformat(first) - timedelta(days=1)).isoformat()
        earlier = [cut for term in merged.get(name, []) if (cut := _until(term, last)) is not None]
        merged[name] = merge_terms(earlier + terms)
    return merged
