"""Which country, capital, demonym or bloc a name refers to.

Countries come from country-converter's table (names and matching regexes,
ISO3 codes); capitals and demonyms from ``data/world.json`` (one row per
country); blocs and international organisations from the small table below.
The file is read directly (not through ``CountryConverter``) because its
loader turns Namibia's ISO2 code "NA" into a missing value with pandas 3.

"The West" is a bloc of governments acting together in news, so it is typed
GPE (like a country) with id ``bloc:west``; alliances with a secretariat
(NATO, the EU, the UN, ...) are ORGs with ``org:`` ids.
"""

import csv
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from consumers.nlp.event_tables import known_actors
from schemas import EntityType

WORLD_FILE = Path(__file__).with_name("data") / "world.json"

# Everyday names the country table does not hold (lower case, after normalisation).
COUNTRY_ALIASES = {
    "us": "USA", "u.s.": "USA", "u.s": "USA", "usa": "USA", "u.s.a.": "USA", "america": "USA", "the states": "USA",
    "united states of america": "USA", "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR",
    "prc": "CHN", "mainland china": "CHN", "people's republic of china": "CHN", "turkey": "TUR",
    "holland": "NLD", "czech republic": "CZE", "ivory coast": "CIV", "burma": "MMR", "swaziland": "SWZ",
    "drc": "COD", "dprk": "PRK", "rok": "KOR", "uae": "ARE", "u.a.e.": "ARE", "emirates": "ARE",
    "vatican": "VAT", "macedonia": "MKD", "persia": "IRN",
}  # fmt: skip

# Blocs and international organisations: alias -> (id, canonical name, type).
BLOCS: dict[str, tuple[str, str, EntityType]] = {}
_BLOC_TABLE: list[tuple[str, str, EntityType, tuple[str, ...]]] = [
    ("bloc:west", "the West", EntityType.GPE,
     ("west", "the west", "western", "western world", "western countries", "western nations", "western powers",
      "western governments", "western allies", "western states", "western democracies")),
    ("org:european-union", "European Union", EntityType.ORG, ("eu", "e.u.", "european union")),
    ("org:nato", "NATO", EntityType.ORG, ("nato", "north atlantic treaty organization")),
    ("org:united-nations", "United Nations", EntityType.ORG,
     ("un", "u.n.", "united nations", "un security council", "u.n. security council", "unsc",
      "united nations security council", "un general assembly", "u.n. general assembly")),
    ("org:african-union", "African Union", EntityType.ORG, ("au", "african union")),
    ("org:asean", "ASEAN", EntityType.ORG, ("asean", "association of southeast asian nations")),
    ("org:arab-league", "Arab League", EntityType.ORG, ("arab league", "league of arab states")),
    ("org:brics", "BRICS", EntityType.ORG, ("brics",)),
    ("org:g7", "G7", EntityType.ORG, ("g7", "g-7", "group of seven")),
    ("org:g20", "G20", EntityType.ORG, ("g20", "g-20", "group of 20", "group of twenty")),
    ("org:opec", "OPEC", EntityType.ORG, ("opec", "opec+")),
    ("org:shanghai-cooperation-organisation", "Shanghai Cooperation Organisation", EntityType.ORG,
     ("sco", "shanghai cooperation organisation", "shanghai cooperation organization")),
    ("org:ecowas", "ECOWAS", EntityType.ORG, ("ecowas", "economic community of west african states")),
]  # fmt: skip
# Wikidata items of the blocs and organisations above (countries' are in ``data/world.json``).
BLOC_WIKIDATA = {
    "org:european-union": "Q458", "org:nato": "Q7184", "org:united-nations": "Q1065", "org:african-union": "Q7159",
    "org:asean": "Q7768",
}  # fmt: skip
for _id, _name, _type, _aliases in _BLOC_TABLE:
    for _alias in _aliases:
        BLOCS[_alias] = (_id, _name, _type)

MEMO_SIZE = 65536  # names remembered per process: an article asks for the same few names many times
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_SPACES = re.compile(r"\s+")
# A place named with its kind after it: "Kandahar province", "Belgorod region", "Sokoto state", "Hodeidah port".
_PLACE_NOUN = re.compile(r" (?:province|region|oblast|governorate|district|city|state|county|town|port|crossing|camp)$")


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved country or bloc: its canonical id, display name and type."""

    id: str
    name: str
    type: EntityType
    kind: str  # "country", "capital", "city" (another city or region), "demonym", "bloc"


@lru_cache(maxsize=MEMO_SIZE)
def normalise(text: str) -> str:
    """Lower case, single spaces, no leading "the", no possessive, no surrounding punctuation."""
    key = _SPACES.sub(" ", text.replace("’", "'")).strip().strip('"“”‘,;:!?()[]').strip()
    key = _POSSESSIVE.sub("", key).strip().lower()
    return key.removeprefix("the ") if key not in BLOCS else key


class Gazetteer:
    """Name -> Place lookups; built once per process (the tables are a few hundred rows)."""

    def __init__(self, places: Mapping[str, str] | None = None) -> None:
        """Index country names, regexes, capitals, demonyms, blocs and ``places`` (city -> ISO3).

        ``places`` defaults to the cities and regions of the shipped event tables; the derivation that
        writes them passes ``{}`` so that what it skips as known never depends on its own last output.
        """
        self._names: dict[str, str] = {}
        self._regexes: list[tuple[re.Pattern[str], str]] = []
        self._country_name: dict[str, str] = {}
        self._capitals: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._wikidata: dict[str, str] = dict(BLOC_WIKIDATA)
        self._looked_up: dict[tuple[str, str | None, bool], Place | None] = {}
        for row in _country_rows():
            iso3 = row["ISO3"]
            self._country_name[iso3] = row["name_short"]
            for name in (row["name_short"], row["name_official"]):
                self._names.setdefault(normalise(name), iso3)
            self._regexes.append((re.compile(row["regex"], re.IGNORECASE), iso3))
        for alias, iso3 in COUNTRY_ALIASES.items():
            self._names[alias] = iso3
        world: dict[str, dict[str, Any]] = json.loads(WORLD_FILE.read_text(encoding="utf-8"))
        self._places = dict(known_actors().places if places is None else places)
        for iso3, info in sorted(world.items()):
            if "wikidata" in info:
                self._wikidata[f"country:{iso3}"] = str(info["wikidata"])
            for capital in info["capitals"]:
                self._capitals.setdefault(normalise(capital), iso3)
            for demonym in info["demonyms"]:
                self._demonyms.setdefault(normalise(demonym), iso3)
                self._demonyms.setdefault(normalise(demonym) + "s", iso3)

    def country_codes(self) -> frozenset[str]:
        """The ISO3 codes of the current countries."""
        return frozenset(self._country_name)

    def country(self, iso3: str) -> Place:
        """The Place for an ISO3 code."""
        return Place(f"country:{iso3}", self._country_name.get(iso3, iso3), EntityType.GPE, "country")

    def lookup(self, text: str, label: str | None = None, *, fuzzy: bool = True) -> Place | None:
        """Resolve a mention; ``label`` (the NER type) gates the ambiguous kinds.

        ``fuzzy=False`` skips the regexes (for names the model thought were people).
        Capitals count only for place labels (a PERSON "Washington" stays a person),
        demonyms for NORP/GPE, and country-converter's regexes only for GPE spans.
        Answers are remembered: the readers ask for the same names again and again.
        """
        asked = (text, label, fuzzy)
        if asked not in self._looked_up:
            if len(self._looked_up) >= MEMO_SIZE:
                self._looked_up.clear()
            self._looked_up[asked] = self._lookup(text, label, fuzzy)
        return self._looked_up[asked]

    def _lookup(self, text: str, label: str | None, fuzzy: bool) -> Place | None:
        key = normalise(text)
        bare = _SPACES.sub(" ", text).strip()
        bare = bare[4:] if bare.lower().startswith("the ") else bare
        if not key or label == "PERSON" or not bare[:1].isupper():
            return None
        with_article = "the " + key
        if key in BLOCS or with_article in BLOCS:
            bloc_id, name, entity_type = BLOCS.get(key) or BLOCS[with_article]
            return Place(bloc_id, name, entity_type, "bloc")
        if with_article in self._names:
            return self.country(self._names[with_article])
        if key in self._names and (len(key) > 3 or bare.replace(".", "").isupper()):
            return self.country(self._names[key])
        if key in self._demonyms and label in (None, "NORP", "GPE", "MISC"):
            return Place(f"country:{self._demonyms[key]}", self._country_name[self._demonyms[key]], EntityType.GPE,
                         "demonym")  # fmt: skip
        words = key.split()
        if label == "NORP" and len(words) == 2 and words[1] in self._demonyms:  # "Bosnian Serb", "Kosovo Serb"
            iso3 = self._demonyms.get(words[0]) or self._names.get(words[0])
            if iso3 is not None:
                return Place(f"country:{iso3}", self._country_name[iso3], EntityType.GPE, "demonym")
        if key in self._capitals and label in (None, "GPE", "LOC", "FAC", "ORG"):
            iso3 = self._capitals[key]
            return Place(f"country:{iso3}", self._country_name[iso3], EntityType.GPE, "capital")
        place = key if key in self._places else _PLACE_NOUN.sub("", key)  # "Kandahar province"
        if place in self._places and label in (None, "GPE", "LOC", "FAC") and self._places[place] in self._country_name:
            iso3 = self._places[place]  # a city or region stands for its country, as a capital does
            return Place(f"country:{iso3}", self._country_name[iso3], EntityType.GPE, "city")
        if fuzzy and label == "GPE" and len(key.split()) <= 6:
            for pattern, iso3 in self._regexes:
                if pattern.search(key):
                    return self.country(iso3)
        return None

    def wikidata(self, entity_id: str) -> str | None:
        """The Wikidata QID of a country or organisation id, where the bundled tables know it."""
        return self._wikidata.get(entity_id)

    def is_capital(self, text: str) -> bool:
        """Whether ``text`` names a capital city (so a locative use can stay a city)."""
        return normalise(text) in self._capitals

    def is_city(self, text: str) -> bool:
        """Whether ``text`` names a capital or another city or region the tables place in a country."""
        key = normalise(text)
        return key in self._capitals or key in self._places or _PLACE_NOUN.sub("", key) in self._places


def _country_rows() -> list[dict[str, str]]:
    """Current countries of country-converter's table (obsolete ones skipped)."""
    import country_converter

    path = Path(country_converter.__file__).with_name("country_data.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [row for row in rows if not row.get("obsolete") and row.get("ISO3") and row.get("regex")]


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer."""
    return Gazetteer()
