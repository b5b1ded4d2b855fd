"""Seats of government standing for their state; what an accusation or a denial says is not coded as done."""

import pytest

from consumers.nlp.events.seats import seat_key, seat_of
from consumers.nlp.gazetteer import default_gazetteer
from tests.nlp.helpers import pairs, relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

SEATS = [
    pytest.param(
        "The State Department condemned Iran's missile test.",
        Coded("country:USA", "country:IRN", (E.ACCUSE,), ("government", None)),
        id="state-department",
    ),
    pytest.param(
        "The Élysée urged Moscow to release the French researcher.",
        Coded("country:FRA", "country:RUS", (E.REQUEST,)),
        id="elysee-with-its-accent",
    ),
    pytest.param(
        "The Quai d'Orsay summoned the Iranian ambassador.",
        Coded("country:FRA", "country:IRN", (E.ACCUSE,)),
        id="quai-d-orsay-tagged-as-a-person",
    ),
    pytest.param(
        "Zhongnanhai warned Taipei against declaring independence.",
        Coded("country:CHN", "country:TWN", (E.THREATEN,)),
        id="zhongnanhai-tagged-as-a-place",
    ),
    pytest.param(
        "Capitol Hill criticised Saudi Arabia over the killing.",
        Coded("country:USA", "country:SAU", (E.ACCUSE,), ("legislature", None)),
        id="capitol-hill-is-the-legislature",
    ),
    pytest.param(
        "The Pentagon said it would send Patriot batteries to Poland.",
        Coded("country:USA", "country:POL", (E.AGREE,)),
        id="pentagon",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), SEATS)
def test_a_seat_of_government_is_its_state(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_seat_names_are_matched_as_written() -> None:
    gazetteer = default_gazetteer()
    assert seat_key("the Élysée Palace’s") == "elysee palace"
    assert seat_of("Blue House", gazetteer) == ("country:KOR", "South Korea", "government")
    assert seat_of("Number 10", gazetteer) is None  # several countries' heads of government sit at a "No. 10"


ACCUSATIONS = [
    pytest.param(
        "The Kremlin accused Washington of prolonging the war in Ukraine.",
        Coded("country:RUS", "country:USA", (E.ACCUSE,)),
        ("country:USA", "country:UKR"),
        id="the-war-in-a-charge",
    ),
    pytest.param(
        "Tehran accused Washington of fuelling the war in Yemen.",
        Coded("country:IRN", "country:USA", (E.ACCUSE,)),
        ("country:USA", "country:YEM"),
        id="fuelling-a-war",
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "claimed"), ACCUSATIONS)
def test_what_an_accusation_charges_is_not_an_event(
    annotate_text: Annotate, sentence: str, expected: Coded, claimed: tuple[str, str]
) -> None:
    annotation = code(annotate_text, sentence)
    assert_coded(annotation, expected)
    assert relation(annotation, *claimed) is None


def test_a_denied_act_is_no_stance_of_the_denier(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "The Canadian prime minister denied that Ottawa had sent weapons to Israel.")
    assert ("country:CAN", "country:ISR") not in pairs(annotation)
