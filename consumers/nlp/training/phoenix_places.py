"""Cities and regions -> the country they lie in, from the country records of the Phoenix country file.

A country record lists, after the country's own names and demonyms, its cities and regions as ``+``
synonyms (UKRAINE_ has +KHARKIV_, +ODESA_, +CRIMEA_), all sharing the country's codes. The coder needs
them because news names a struck or visited city for its state ("Russian missiles struck Kharkiv"), as
it does a capital, and the gazetteer knows only capitals.
"""

import re
from collections.abc import Collection, Iterable

from consumers.nlp.gazetteer import Gazetteer
from consumers.nlp.resolve import SHARED_DEMONYMS
from consumers.nlp.training.dictionary_text import phrase
from consumers.nlp.training.phoenix_agents import ROLE_SECTORS
from consumers.nlp.training.phoenix_records import Record

# Codes the Phoenix lists spell differently from ISO 3166 alpha-3.
PHOENIX_ISO3 = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}


def _is_place(code: str, countries: Collection[str]) -> bool:
    """A country code, or a country plus a territory (``USRUKR``, ``PSEGZA``): no role, so a place."""
    return code[:3] in countries and (len(code) == 3 or (len(code) == 6 and code[3:] not in ROLE_SECTORS))


def _country_now(record: Record, countries: Collection[str]) -> str | None:
    """The country a place record lies in today: its open-ended term's (latest start), else its undated one's.

    Earlier terms may name a state that is gone (UKRAINE_ was ``USRUKR`` until 1991); only the current code
    must be a place, and no code may carry a role (a record with a role is an institution or a person).
    """
    roles = record.roles
    if not roles or any(role.code[3:6] in ROLE_SECTORS for role in roles):
        return None
    open_ended = sorted((role for role in roles if role.start and not role.end), key=lambda role: role.start or "")
    current = open_ended[-1:] or [role for role in roles if not role.dated][:1]
    if not current or not _is_place(current[0].code, countries):
        return None
    return PHOENIX_ISO3.get(current[0].code[:3], current[0].code[:3])


def build_places(records: Iterable[Record], countries: Collection[str], excluded: Collection[str]) -> dict[str, str]:
    """Place name (lower case) -> ISO3 code, for the country records' names the gazetteer does not know.

    Left out: a record coded with anything but bare country codes (an institution or a person), the
    country's own names and demonyms (the gazetteer resolves them already), names in ``excluded``
    (everyday words and people's names: "Georgia" the person, "Reading"), single letters, and a name two
    countries both list (it names neither reliably).
    """
    gazetteer = Gazetteer(places={})  # the countries, capitals and demonyms alone, not the shipped places
    known = gazetteer.country_codes()
    found: dict[str, str] = {}
    ambiguous: set[str] = set()
    for record in records:
        iso3 = _country_now(record, countries)
        if iso3 is None or iso3 not in known:
            continue
        for name in record.names:
            key = phrase(name).strip(" ,")
            if len(key) < 3 or key in excluded or _MALFORMED.search(key) or _known(gazetteer, key):
                continue
            if found.setdefault(key, iso3) != iso3:
                ambiguous.add(key)
    return {key: iso3 for key, iso3 in sorted(found.items()) if key not in ambiguous}


# Dictionary noise, not place names: "korea, north", "u,s", "faeroyene]", a mis-decoded letter.
_MALFORMED = re.compile("[,?\\[\\]()+\ufffd]")


def _known(gazetteer: Gazetteer, key: str) -> bool:
    """Whether the gazetteer knows the name as a country, capital or demonym, in capitals too ("UAE", "Eire").

    A name two countries share ("Congo") counts as known: the resolver picks between them by the article.
    """
    return key in SHARED_DEMONYMS or any(
        gazetteer.lookup(form, "GPE", fuzzy=False) is not None
        or gazetteer.lookup(form, "NORP", fuzzy=False) is not None
        for form in (key.title(), key.upper())
    )
