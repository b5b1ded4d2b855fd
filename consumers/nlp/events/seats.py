"""Seats of government and named departments that stand for their state.

News names a state by the building or street its government sits in ("the
Elysee said", "Zhongnanhai warned") and the US by its departments named
without the country ("the State Department urged"). The Kremlin, the White
House, Downing Street and Whitehall are capitals in ``data/world.json`` (the
state as a whole); the names below keep a sector, because most of them are
one branch: a legislature ("the Verkhovna Rada"), a
foreign ministry ("the Quai d'Orsay"). Only names that mean one state in
news are listed: "Number 10", "the Chancellery" or "the Justice Department"
are left out, they name offices in several countries ("the US Justice
Department" is the US by its own word).
"""

import unicodedata

from consumers.nlp.gazetteer import Gazetteer
from schemas import Sector

# Name as written (lower case, accents and a leading "the" dropped) -> (ISO3, sector).
SEATS: dict[str, tuple[str, Sector]] = {
    "state department": ("USA", "government"), "us state department": ("USA", "government"),
    "u.s. state department": ("USA", "government"), "foggy bottom": ("USA", "government"),
    "department of homeland security": ("USA", "government"), "capitol hill": ("USA", "legislature"),
    "elysee": ("FRA", "government"), "elysee palace": ("FRA", "government"), "quai d'orsay": ("FRA", "government"),
    "zhongnanhai": ("CHN", "government"), "blue house": ("KOR", "government"), "cheong wa dae": ("KOR", "government"),
    "verkhovna rada": ("UKR", "legislature"), "bankova": ("UKR", "government"), "sejm": ("POL", "legislature"),
    "westminster": ("GBR", "legislature"), "palazzo chigi": ("ITA", "government"), "quirinale": ("ITA", "government"),
    "moncloa": ("ESP", "government"), "la moncloa": ("ESP", "government"), "casa rosada": ("ARG", "government"),
    "planalto": ("BRA", "government"), "planalto palace": ("BRA", "government"), "itamaraty": ("BRA", "government"),
    "aso rock": ("NGA", "government"), "kasumigaseki": ("JPN", "government"),
}  # fmt: skip


def seat_key(name: str) -> str:
    """A name as the table holds it: lower case, accents folded, one kind of apostrophe, no "the" or possessive."""
    folded = unicodedata.normalize("NFKD", name.replace("’", "'"))
    key = " ".join("".join(c for c in folded if not unicodedata.combining(c)).lower().split())
    return key.removeprefix("the ").removesuffix("'s").removesuffix("'")


def seat_of(name: str, gazetteer: Gazetteer) -> tuple[str, str, Sector] | None:
    """(country id, country name, sector) of a seat of government or a department named alone, or None."""
    found = SEATS.get(seat_key(name))
    if found is None:
        return None
    iso3, sector = found
    return f"country:{iso3}", gazetteer.country(iso3).name, sector
