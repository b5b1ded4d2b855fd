"""Places news has named since 2015 stand for their country, whatever the small NER model tagged them."""

import pytest

from consumers.nlp.gazetteer import Gazetteer
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

RECENT_PLACES = [
    pytest.param(
        "Russian artillery pounded Zaporizhzhia overnight.",
        Coded("country:RUS", "country:UKR", (E.ASSAULT,)),
        id="a-city-the-model-took-for-a-person",
    ),
    pytest.param(
        "American warplanes bombed Hodeidah port.",
        Coded("country:USA", "country:YEM", (E.ASSAULT,)),
        id="a-port-named-with-its-kind",
    ),
    pytest.param("Rwandan artillery shelled Goma.", Coded("country:RWA", "country:COD", (E.ASSAULT,)), id="a-town"),
    pytest.param(
        "Turkish drones struck the town of Qamishli.",
        Coded("country:TUR", "country:SYR", (E.ASSAULT,)),
        id="the-town-of",
    ),
    pytest.param(
        "Saudi warplanes struck targets in Saada province.",
        Coded("country:SAU", "country:YEM", (E.ASSAULT,)),
        id="targets-in-a-province",
    ),
    pytest.param(
        "China's navy sailed warships around Kinmen on Friday. A spokesman for the fleet warned Taiwan against"
        " provocations.",
        Coded("country:CHN", "country:TWN", (E.THREATEN,)),
        id="an-earlier-sentences-city-is-where-its-act-was",
    ),
    pytest.param(
        "Russian troops attacked a Ukrainian army convoy near Kharkiv.",
        Coded("country:RUS", "country:UKR", (E.ASSAULT,), ("military", "military")),
        id="a-place-gives-way-to-its-countrys-own-forces",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), RECENT_PLACES)
def test_a_recent_place_stands_for_its_country(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize("name", ["Khan Younis", "Khan Yunis", "El Fasher", "Cabo Delgado", "Sokoto state"])
def test_the_shipped_table_knows_recent_places_and_their_spellings(name: str) -> None:
    place = Gazetteer().lookup(name, "GPE")
    assert place is not None and place.kind == "city"


def test_a_place_named_with_its_kind_is_a_city() -> None:
    assert Gazetteer(places={"saada": "YEM"}).is_city("Saada province")


def test_a_known_group_the_model_ran_on_into_its_place_is_the_group(annotate_text: Annotate) -> None:
    sentence = "Turkish warplanes bombed positions of the Syrian Democratic Forces near Kobani on Sunday."
    ids = {e.id for e in code(annotate_text, sentence).entities}
    assert "org:syrian-democratic-forces" in ids and not [i for i in ids if "kobani" in i and i.startswith("org:")]


def test_a_shared_country_name_after_in_is_the_likelier_country_unless_the_article_names_the_other(
    annotate_text: Annotate,
) -> None:
    sentence = "Rwandan troops are fighting alongside M23 rebels in eastern Congo."
    assert_coded(code(annotate_text, sentence), Coded("country:RWA", "country:COD", (E.ASSAULT,)))
    brazzaville = code(annotate_text, "Officials in Brazzaville said Rwandan troops had shelled a village in Congo.")
    assert "country:COG" in {e.id for e in brazzaville.entities}, "the article's capital decides which Congo"
