"""Doers named in a "by" phrase on a participle, and the people an armed group harms as its target."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

PARTICIPLE_AGENTS = [
    pytest.param(
        "Rockets fired by Hezbollah hit the Israeli town of Kiryat Shmona on Sunday.",
        Coded("org:hezbollah", "country:ISR", (E.ASSAULT,)),
        id="rockets-fired-by",
    ),
    pytest.param(
        "Troops sent by Rwanda attacked Congolese army positions.",
        Coded("country:RWA", "country:COD", (E.ASSAULT,)),
        id="troops-sent-by",
    ),
    pytest.param(
        "Drones operated by the Houthis attacked a Saudi oil facility on Monday.",
        Coded("org:houthis", "country:SAU", (E.ASSAULT,)),
        id="drones-operated-by",
    ),
    pytest.param(
        "Mortar rounds fired by Taliban fighters struck a Pakistani border post.",
        Coded("org:taliban", "country:PAK", (E.ASSAULT,)),
        id="mortar-rounds-fired-by",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), PARTICIPLE_AGENTS)
def test_the_doer_of_a_participle_acts(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_group_a_state_backs_still_acts_itself(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Fighters backed by Rwanda attacked Congolese army positions near Goma.")
    assert_coded(annotation, Coded("group:rebels", "country:COD", (E.ASSAULT,)))
    assert relation(annotation, "country:RWA", "country:COD") is None


VICTIMS = [
    pytest.param(
        "Nine villagers were abducted by gunmen from their homes in Katsina state on Friday.",
        "group:rebels",
        id="villagers-abducted-from-their-homes-in-a-state",
    ),
    pytest.param(
        "Twenty passengers were seized by armed men from a bus in Zamfara state.",
        "group:criminals",
        id="armed-men-are-perpetrators",
    ),
    pytest.param(
        "Militants abducted forty schoolgirls in Borno state.",
        "group:rebels",
        id="schoolgirls-are-civilians",
    ),
]


@pytest.mark.parametrize(("sentence", "source"), VICTIMS)
def test_people_an_armed_group_harms_are_its_target(annotate_text: Annotate, sentence: str, source: str) -> None:
    annotation = code(annotate_text, sentence)
    assert relation(annotation, source, "group:civilians") is not None, annotation.stances
    assert relation(annotation, source, "country:NGA") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gang members kidnapped a Chinese engineer in Nigeria's Niger state.",
         Coded("group:criminals", "country:CHN", (E.ASSAULT,), ("criminals", "civilians"))),
        ("Rebels attacked an army post in North Kivu, killing five Congolese soldiers.",
         Coded("group:rebels", "country:COD", (E.ASSAULT,), ("rebels", "military"))),
    ],
)  # fmt: skip
def test_victims_with_a_nationality_keep_their_country(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)
