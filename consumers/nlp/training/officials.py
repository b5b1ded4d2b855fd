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

Merge rule: a name the table lists, and every dictionary key that folds to
it (accents and letters such as ı, ł, ø folded, ``consumers.nlp.folding``:
"antónio guterres" and "antonio guterres" are one person), takes the table
as its record from the start of that person's first row on. The
dictionaries' terms for those keys are cut to end the day before (an undated
term becomes one ending then, a term starting later is dropped), and the
table's terms are added, marked ``"source": "officials"`` so the coder can
prefer them over a namesake's dictionary term. So the dictionaries still
speak for earlier years, and between and after the table's rows the person
holds no office and stands for no country, as with a dictionary term that
ended. A nickname or other spelling that does not fold to a listed name
("bibi netanyahu") is cut only when the table lists it among the row's
aliases: matching on the surname alone would also cut relatives and
namesakes of the same country. Names the table does not list keep the
dictionaries' terms unchanged.
"""

import calendar
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path

from consumers.nlp.folding import fold
from consumers.nlp.training.hand_tables import read_rows, row_keys
from consumers.nlp.training.phoenix_actors import merge_terms
from consumers.nlp.training.phoenix_records import Term

OFFICIALS_FILE = Path(__file__).with_name("data") / "officials_since_2015.tsv"


COLUMNS = ("name", "country", "sector", "from", "to", "role", "aliases")


SOURCE = "officials"  # the ``source`` of the terms the table gives: the coder prefers them (module doc)


def iso_day(text: str, *, end: bool) -> str:
    """``2015``, ``2015-08`` or ``2015-08-06`` as an ISO date: a start's first day, an end's last."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 3:
        return date(*parts).isoformat()
    year = parts[0]
    month = parts[1] if len(parts) == 2 else (12 if end else 1)
    day = calendar.monthrange(year, month)[1] if end else 1
    return date(year, month, day).isoformat()


def read_officials(path: Path = OFFICIALS_FILE) -> dict[str, list[Term]]:
    """Lower-case name (each spelling) -> the terms the table gives it, in the table's order."""
    officials: dict[str, list[Term]] = {}
    owners: dict[str, str] = {}
    for row in read_rows(path, COLUMNS, ("name", "country", "sector", "from")):
        term: Term = {
            "country": row["country"],
            "sector": row["sector"],
            "from": iso_day(row["from"], end=False),
            "to": iso_day(row["to"], end=True) if row["to"] else None,
            "source": SOURCE,
        }
        if term["to"] is not None and term["to"] < (term["from"] or ""):
            raise ValueError(f"{path}: {row['name']} ends before starting")
        for key in row_keys(row):
            if owners.setdefault(key, row["name"]) != row["name"]:
                raise ValueError(f"{path}: {key!r} names two officials")
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
    folded: dict[str, list[str]] = {}
    for name in people:
        folded.setdefault(fold(name), []).append(name)
    for name, terms in officials.items():
        first = min(term["from"] or "" for term in terms)
        last = (date.fromisoformat(first) - timedelta(days=1)).isoformat()
        for key in dict.fromkeys([name, *folded.get(fold(name), [])]):
            earlier = [
                cut for term in merged.get(key, []) if term.get("source") != SOURCE and (cut := _until(term, last))
            ]
            merged[key] = merge_terms(earlier + terms)
    return merged
