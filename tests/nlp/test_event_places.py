"""Cities and regions stand for their country, as capitals do: the struck or visited place, or police "in" one."""

import pytest

from consumers.nlp.gazetteer import Gazetteer
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

PLACES = [
    pytest.param(
        "Ukrainian drones struck an oil depot in Belgorod.",
        Coded("country:UKR", "country:RUS", (E.ASSAULT,)),
        id="the-city-a-target-lies-in",
    ),
    pytest.param(
        "Turkish drones struck Kobani.", Coded("country:TUR", "country:SYR", (E.ASSAULT,)), id="a-struck-town"
    ),
    pytest.param(
        "The Saudi crown prince visited Basra last week.",
        Coded("country:SAU", "country:IRQ", (E.CONSULT,)),
        id="a-visited-city",
    ),
    pytest.param(
        "Turkish warplanes hit targets near Mosul.",
        Coded("country:TUR", "country:IRQ", (E.ASSAULT,)),
        id="targets-near-a-city",
    ),
    pytest.param(
        "Israeli aircraft bombed Rafah overnight.",
        Coded("country:ISR", "country:PSE", (E.ASSAULT,)),
        id="a-city-the-model-missed",
    ),
    pytest.param(
        "Russian missiles struck Kharkiv on Tuesday.",
        Coded("country:RUS", "country:UKR", (E.ASSAULT,)),
        id="a-city-the-model-took-for-a-person",
    ),
    pytest.param(
        "Police in Lahore detained dozens of protesters.",
        Coded("country:PAK", "group:protesters", (E.COERCE,), ("police", "protesters")),
        id="police-in-a-city-are-its-countrys",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), PLACES)
def test_a_city_stands_for_its_country(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_city_resolves_to_its_country() -> None:
    gazetteer = Gazetteer(places={"mombasa": "KEN"})
    place = gazetteer.lookup("Mombasa", "GPE")
    assert place is not None and place.id == "country:KEN" and place.kind == "city"
    assert gazetteer.is_city("Mombasa") and not gazetteer.is_capital("Mombasa")


def test_a_region_named_with_its_kind_is_the_region() -> None:
    place = Gazetteer(places={"kandahar": "AFG"}).lookup("Kandahar province", "GPE")
    assert place is not None and place.id == "country:AFG"


def test_a_person_label_keeps_a_place_name_a_person() -> None:
    assert Gazetteer(places={"kharkiv": "UKR"}).lookup("Kharkiv", "PERSON") is None


def test_a_shipped_city_resolves_to_its_country() -> None:
    gazetteer = Gazetteer()
    place = gazetteer.lookup("Shanghai", "GPE")
    assert place is not None and place.id == "country:CHN" and place.kind == "city"
