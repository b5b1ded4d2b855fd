"""The dictionary's verb + argument patterns: one-sided acts, never an event between coordinated subjects."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("France and Germany took part in the World Cup qualifiers on Saturday.", "country:FRA", "country:DEU"),
        ("Senegal and Gambia held presidential elections on the same day.", "country:SEN", "country:GMB"),
        ("Spain and Portugal will hold local elections next spring.", "country:ESP", "country:PRT"),
        ("Turkey and Iran launched an operation to vaccinate children against measles.",
         "country:TUR", "country:IRN"),
        ("Belgium and the Netherlands are taking part in the song contest in Malmo.", "country:BEL", "country:NLD"),
        ("Chile and Peru reduced tensions in their mining towns by raising wages.", "country:CHL", "country:PER"),
    ],
)  # fmt: skip
def test_partners_doing_the_same_thing_side_by_side_act_on_no_one(
    annotate_text: Annotate, sentence: str, first: str, second: str
) -> None:
    annotation = code(annotate_text, sentence)
    assert relation(annotation, first, second) is None
    assert relation(annotation, second, first) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Egypt and Sudan held talks in Cairo on Nile water.", Coded("country:EGY", "country:SDN", (E.CONSULT,))),
        ("Kenya and Uganda signed a trade treaty.",
         Coded("country:UGA", "country:KEN", (E.AGREE, E.SUPPORT, E.COOPERATE))),
        ("Ukrainian drones set ablaze an oil depot in Russia's Belgorod region.",
         Coded("country:UKR", "country:RUS", (E.ASSAULT,))),
    ],
)  # fmt: skip
def test_joint_acts_and_patterns_with_a_target_still_code(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("Peru and Bolivia reached a compromise on the lake's water rights.", "country:PER", "country:BOL"),
        ("Greece and Egypt held joint manoeuvres off Crete.", "country:GRC", "country:EGY"),
    ],
)
def test_a_pattern_naming_a_joint_act_goes_both_ways(
    annotate_text: Annotate, sentence: str, first: str, second: str
) -> None:
    annotation = code(annotate_text, sentence)
    assert relation(annotation, first, second) is not None and relation(annotation, second, first) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "Armenian and Azerbaijani troops traded artillery fire overnight.",
        "Indian and Pakistani troops traded shots across the Line of Control.",
    ],
)
def test_trading_fire_is_an_attack_each_way(annotate_text: Annotate, sentence: str) -> None:
    coded = code(annotate_text, sentence)
    sides = sorted({s.source for s in coded.stances if s.event == E.ASSAULT})
    assert len(sides) == 2
    assert not [s for s in coded.stances if s.stance == "cooperative"]
