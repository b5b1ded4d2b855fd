"""Articles written for these tests (other countries, people, relations): the same quality as the seed."""

from collections.abc import Callable
from pathlib import Path

import pytest

from consumers.nlp.annotator import Annotation
from tests.nlp.conftest import ARTICLES
from tests.nlp.helpers import entity, pairs


def _run(annotate_text: Callable[[str], Annotation], name: str) -> Annotation:
    return annotate_text((ARTICLES / name).read_text(encoding="utf-8"))


CASES = {
    "japan_philippines.txt": {
        "entities": {
            "country:JPN": {"Japan", "Japanese", "Tokyo"},
            "country:PHL": {"Philippines", "Philippine", "Manila"},
            "person:fumio-kishida": {"Fumio Kishida", "Kishida"},
            "person:ferdinand-marcos-jr": {"Marcos"},
            "person:lin-jian": {"Lin Jian"},
            "country:CHN": {"China", "Chinese"},
        },
        "affiliations": {"person:fumio-kishida": "country:JPN", "person:ferdinand-marcos-jr": "country:PHL"},
        "stances": {
            ("country:JPN", "country:PHL"): "cooperative",
            ("country:PHL", "country:JPN"): "cooperative",
            ("country:CHN", "country:PHL"): "hostile",
            ("person:lin-jian", "country:JPN"): "hostile",
        },
        "absent": [("country:JPN", "country:USA"), ("country:PHL", "country:CHN")],
    },
    "iran_israel.txt": {
        "entities": {
            "country:IRN": {"Iran", "Iranian", "Tehran"},
            "country:ISR": {"Israel", "Israeli"},
            "country:USA": {"Washington", "United States"},
            "person:hossein-amir-abdollahian": {"Hossein Amir-Abdollahian", "Amir-Abdollahian"},
        },
        "affiliations": {},
        "stances": {
            ("country:IRN", "country:ISR"): "hostile",
            ("person:hossein-amir-abdollahian", "country:USA"): "hostile",
            ("country:ISR", "country:IRN"): "hostile",
        },
        "absent": [("country:USA", "country:ISR"), ("country:IRN", "country:CHE")],
    },
    "germany_france.txt": {
        "entities": {
            "person:olaf-scholz": {"Olaf Scholz", "Scholz"},
            "person:emmanuel-macron": {"Emmanuel Macron", "Macron"},
            "country:DEU": {"Germany", "German"},
            "country:FRA": {"France", "French", "Paris"},
            "country:RUS": {"Russia", "Moscow"},
            "country:UKR": {"Ukraine", "Kyiv"},
            "org:nato": {"NATO"},
            "org:european-union": {"European Union"},
        },
        "affiliations": {"person:olaf-scholz": "country:DEU", "person:emmanuel-macron": "country:FRA"},
        "stances": {
            ("country:DEU", "country:FRA"): "cooperative",
            ("country:FRA", "country:DEU"): "cooperative",
            ("person:olaf-scholz", "country:RUS"): "hostile",
            ("person:emmanuel-macron", "country:RUS"): "hostile",
        },
        "absent": [("country:DEU", "org:nato"), ("person:olaf-scholz", "org:nato")],
    },
    "india_pakistan.txt": {
        "entities": {
            "country:IND": {"India", "Indian"},
            "country:PAK": {"Pakistan", "Islamabad"},
            "person:subrahmanyam-jaishankar": {"Subrahmanyam Jaishankar", "Jaishankar"},
            "country:USA": {"United States", "Washington"},
        },
        "affiliations": {},
        "stances": {
            ("country:IND", "country:PAK"): "hostile",
            ("person:subrahmanyam-jaishankar", "country:PAK"): "hostile",
            ("country:USA", "country:IND"): "cooperative",
        },
        "absent": [("person:mumtaz-zahra-baloch", "country:PAK"), ("person:subrahmanyam-jaishankar", "country:IND")],
    },
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_entities(annotate_text: Callable[[str], Annotation], name: str) -> None:
    annotation = _run(annotate_text, name)
    for entity_id, texts in CASES[name]["entities"].items():  # type: ignore[attr-defined]
        assert texts <= {m.text for m in entity(annotation, entity_id).mentions}
    for person, group in CASES[name]["affiliations"].items():  # type: ignore[attr-defined]
        assert entity(annotation, person).affiliation == group


@pytest.mark.parametrize("name", sorted(CASES))
def test_stances(annotate_text: Callable[[str], Annotation], name: str) -> None:
    found = pairs(_run(annotate_text, name))
    for pair, stance in CASES[name]["stances"].items():  # type: ignore[attr-defined]
        assert found.get(pair) == stance, (pair, found)
    for pair in CASES[name]["absent"]:  # type: ignore[attr-defined]
        assert pair not in found


def test_articles_exist() -> None:
    assert sorted(p.name for p in Path(ARTICLES).glob("*.txt")) == sorted(CASES)
