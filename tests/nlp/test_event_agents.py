"""Doers in "by" phrases, the people an armed group harms, blockades by people, aid "for" people, drug crews."""

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


CIVIL_BLOCKADES = [
    pytest.param(
        "Peru's government withdrew the fuel price rise after a week of roadblocks by truck drivers.",
        "country:PER",
        id="roadblocks-by-truck-drivers",
    ),
    pytest.param(
        "Bolivia's government dropped the mining law after weeks of blockades by Indigenous communities.",
        "country:BOL",
        id="blockades-by-communities",
    ),
    pytest.param(
        "Ecuador's president scrapped the tax after ten days of road blockades by farmers.",
        "country:ECU",
        id="by-hung-on-the-span-of-time",
    ),
    pytest.param(
        "Chile's government shelved the pension reform after a month of marches by students.",
        "country:CHL",
        id="marches-by-students",
    ),
]


@pytest.mark.parametrize(("sentence", "country"), CIVIL_BLOCKADES)
def test_giving_way_to_blockades_by_people_concedes_to_protesters(
    annotate_text: Annotate, sentence: str, country: str
) -> None:
    annotation = code(annotate_text, sentence)
    assert_coded(annotation, Coded(country, "group:protesters", (E.CONCEDE,)))
    assert_coded(annotation, Coded("group:protesters", country, (E.PROTEST,)))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The education ministry in Dhaka was blockaded by students for a third day.",
         Coded("group:protesters", "country:BGD", (E.PROTEST,), ("protesters", "government"))),
        ("The US embassy in Baghdad was besieged by demonstrators on Tuesday.",
         Coded("group:protesters", "country:USA", (E.PROTEST,))),
        ("The Chinese navy blockaded Taiwan's main ports on Monday.",
         Coded("country:CHN", "country:TWN", (E.COERCE,))),
        ("Russian troops occupied the Ukrainian town of Kupiansk.",
         Coded("country:RUS", "country:UKR", (E.COERCE,))),
    ],
)  # fmt: skip
def test_people_blockading_protest_and_states_coerce(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Turkey sent tents and blankets for earthquake victims in Syria.",
         Coded("country:TUR", "group:civilians", (E.AID,))),
        ("An Indian navy ship delivered rice for flood victims in Bangladesh.",
         Coded("country:IND", "group:civilians", (E.AID,))),
        ("Britain sent aid for Ukraine.", Coded("country:GBR", "country:UKR", (E.AID,))),
    ],
)  # fmt: skip
def test_what_is_given_for_people_is_given_to_them(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_troops_sent_for_an_exercise_aid_no_one(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Germany sent troops for a NATO exercise in Lithuania.")
    assert relation(annotation, "country:DEU", "org:nato") is None


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("The Spanish coast guard intercepted a speedboat carrying two tonnes of hashish and detained its crew.",
         "country:ESP"),
        ("Colombian marines seized a boat loaded with cocaine and arrested the three men aboard.", "country:COL"),
        ("Peruvian police stopped a truck loaded with cocaine and arrested the two men on board.", "country:PER"),
    ],
)  # fmt: skip
def test_the_crew_of_a_drug_vessel_are_criminals(annotate_text: Annotate, sentence: str, country: str) -> None:
    annotation = code(annotate_text, sentence)
    assert relation(annotation, country, "group:criminals") is not None, annotation.stances
    assert relation(annotation, country, "group:civilians") is None


def test_the_crew_of_a_boat_in_distress_are_civilians(annotate_text: Annotate) -> None:
    sentence = "Greek coast guard officers rescued a fishing boat and its crew of nine off Crete."
    annotation = code(annotate_text, sentence)
    assert_coded(annotation, Coded("country:GRC", "group:civilians", (E.AID,)))


def test_a_by_phrase_hung_on_a_phrase_of_the_passive_is_its_agent(annotate_text: Annotate) -> None:
    sentence = "The Venezuelan opposition leader was barred from the presidential election by the country's top court."
    assert_coded(
        code(annotate_text, sentence), Coded("country:VEN", "country:VEN", (E.COERCE,), ("judiciary", "opposition"))
    )


@pytest.mark.parametrize(
    ("sentence", "agent", "patient", "place"),
    [
        ("Iranian tankers were seized by American forces off the coast of Greece.",
         "country:USA", "country:IRN", "country:GRC"),
        ("A Russian cargo ship was detained by Finnish police in the Gulf of Finland near Estonia.",
         "country:FIN", "country:RUS", "country:EST"),
    ],
)  # fmt: skip
def test_a_passive_patient_is_the_target_not_the_place(
    annotate_text: Annotate, sentence: str, agent: str, patient: str, place: str
) -> None:
    annotation = code(annotate_text, sentence)
    assert_coded(annotation, Coded(agent, patient, (E.COERCE,)))
    assert relation(annotation, agent, place) is None
