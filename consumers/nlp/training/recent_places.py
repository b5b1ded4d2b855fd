"""Places in news since 2015 and the country each lies in, merged over the country dictionary's places.

The Phoenix country records list a country's cities and regions, but as of
about 2015 and unevenly: Zaporizhzhia, Khan Younis, Hodeidah, El Fasher,
Goma, Tigray or Cabo Delgado are missing, so "Russian forces shelled
Zaporizhzhia" left the coder with an unknown person for a target and no
country to code. ``data/places_since_2015.tsv`` lists such places from
general knowledge, one row per place: name, country (ISO3), kind (city or
region) and other spellings. Every spelling, lower case and with accents
folded, becomes a key that wins over the dictionary's place of that name;
a key the gazetteer already resolves (a country, capital or demonym) or the
full name of a person in the people table is left to them.
"""

from collections.abc import Collection, Mapping
from pathlib import Path

from consumers.nlp.gazetteer import Gazetteer
from consumers.nlp.training.hand_tables import read_rows, row_keys

PLACES_FILE = Path(__file__).with_name("data") / "places_since_2015.tsv"


COLUMNS = ("name", "country", "kind", "aliases")


KINDS = frozenset({"city", "region"})


def read_places(path: Path = PLACES_FILE) -> dict[str, str]:
    """Lower-case name (each spelling, aliases too) -> ISO3; a key two rows give different countries is refused."""
    places: dict[str, str] = {}
    for row in read_rows(path, COLUMNS, ("name", "country", "kind")):
        if row["kind"] not in KINDS or len(row["country"]) != 3 or not row["country"].isupper():
            raise ValueError(f"{path}: malformed row {row}")
        for key in row_keys(row):
            if places.setdefault(key, row["country"]) != row["country"]:
                raise ValueError(f"{path}: {key!r} names places in two countries")
    return places


def merge_places(places: Mapping[str, str], recent: Mapping[str, str], people: Collection[str]) -> dict[str, str]:
    """The dictionary's places with the table's keys taken over, except those the gazetteer or people table own.

    A capital or country spelt in the table ("Kiev") already resolves through the gazetteer, which also
    knows it is a capital (a locative "talks in Kiev" stays a city); a person's full name stays a person.
    """
    gazetteer = Gazetteer(places={})  # countries, capitals and demonyms alone, as the dictionary's places
    known = gazetteer.country_codes()
    kept = {
        key: iso3
        for key, iso3 in recent.items()
        if iso3 in known and key not in people and gazetteer.lookup(key.title(), "GPE", fuzzy=False) is None
    }
    return dict(sorted({**places, **kept}.items()))
