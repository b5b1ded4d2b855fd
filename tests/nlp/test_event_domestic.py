"""Domestic events: strikes against the strikers' own state, its security service, nationality words read as names."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

CASES = [
    pytest.param(
        "Nigerian nurses staged a walkout over unpaid wages.",
        Coded("country:NGA", "country:NGA", (E.PROTEST,), ("health", "government")),
        id="a-walkout-is-against-the-strikers-own-government",
    ),
    pytest.param(
        "South African miners have been on strike since March.",
        Coded("country:ZAF", "country:ZAF", (E.PROTEST,)),
        id="on-strike-is-a-protest",
    ),
    pytest.param(
        "Junior doctors in Britain began a five-day strike on Friday in a pay dispute with the government.",
        Coded("group:health", "country:GBR", (E.PROTEST,), ("health", "government")),
        id="a-strike-a-support-verb-begins-is-a-protest",
    ),
    pytest.param(
        "Hundreds of Tunisian students staged a sit-in outside the education ministry.",
        Coded("country:TUN", "country:TUN", (E.PROTEST,)),
        id="a-hyphenated-sit-in",
    ),
    pytest.param(
        "Russia's security service arrested a Russian scientist on treason charges.",
        Coded("country:RUS", "country:RUS", (E.COERCE,), ("intelligence", "civilians")),
        id="a-security-service-is-intelligence",
    ),
    pytest.param(
        "Togolese gendarmes detained three journalists in Lome on Friday.",
        Coded("country:TGO", "group:media", (E.COERCE,), ("police", "media")),
        id="a-demonym-tagged-as-a-name",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_domestic_events(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_protest_against_another_state_is_not_against_home(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Thousands of Jordanians marched through Amman in protest against Israel.")
    assert relation(annotation, "country:JOR", "country:ISR") is not None
    assert relation(annotation, "country:JOR", "country:JOR") is None


def test_an_attack_launched_by_troops_stays_an_attack(annotate_text: Annotate) -> None:
    assert_coded(
        code(annotate_text, "Nigerian troops launched a strike on militant camps."),
        Coded("country:NGA", "group:rebels", (E.ASSAULT,)),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Serbian riot police used pepper spray on students.",
        "Georgian police used tear gas on demonstrators outside parliament.",
    ],
)
def test_crowd_control_used_on_people_is_coercion(annotate_text: Annotate, sentence: str) -> None:
    coded = [(s.source, s.event) for s in code(annotate_text, sentence).stances]
    assert any(source.startswith("country:") and event == E.COERCE for source, event in coded), coded


def test_strikers_of_two_nations_are_not_paired_with_each_other_s_government(annotate_text: Annotate) -> None:
    coded = [
        (s.source, s.target)
        for s in code(annotate_text, "Ghanaian doctors and Togolese nurses went on strike.").stances
    ]
    assert ("country:GHA", "country:TGO") not in coded and ("country:TGO", "country:GHA") not in coded, coded
