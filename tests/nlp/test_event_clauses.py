"""Event coding through purpose and relative clauses, leaving institutions, coordinated nationality words."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

CASES = [
    pytest.param(
        "Kenya flew two rescue helicopters to help Tanzania search for survivors of the ferry disaster.",
        Coded("country:KEN", "country:TZA", (E.AID,)),
        id="moved-to-help-is-aid",
    ),
    pytest.param(
        "Rwanda deployed 500 troops to help Mozambican forces retake the port.",
        Coded("country:RWA", "country:MOZ", (E.AID,)),
        id="forces-deployed-to-help-are-aid-not-a-mobilisation",
    ),
    pytest.param(
        "Hungary withdrew from the International Criminal Court last year.",
        Coded("country:HUN", "org:international-criminal-court", (E.SANCTION,)),
        id="leaving-a-court-is-a-sanction",
    ),
    pytest.param(
        "Gabon quit the African Union after the dispute over the summit.",
        Coded("country:GAB", "org:african-union", (E.SANCTION,)),
        id="quitting-an-igo-is-a-sanction",
    ),
    pytest.param(
        "Chilean and Peruvian aircraft delivered tents and medicine to Bolivia.",
        Coded("country:PER", "country:BOL", (E.AID,)),
        id="second-nationality-word-on-a-proxy-noun",
    ),
    pytest.param(
        "Norway recognised the Palestinian state on Tuesday, a move Israel's prime minister condemned.",
        Coded("country:ISR", "country:NOR", (E.ACCUSE,)),
        id="relative-reaction-to-the-act-before",
    ),
    pytest.param(
        "China praised the result of Venezuela's election, which Western governments dismissed as fraudulent.",
        Coded("bloc:west", "country:VEN", (E.REJECT, E.ACCUSE)),
        id="relative-reaction-to-an-owned-thing",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_clauses_and_institutions(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_deal_signed_in_a_relative_clause_is_no_reaction(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "The Arab League welcomed the accord that Sudan and Chad signed in Doha.")
    assert relation(annotation, "country:SDN", "org:arab-league") is None


def test_troops_withdrawn_from_a_town_stay_a_retreat(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Russian troops withdrew from Kherson, handing it to Ukrainian forces.")
    assert all(s.event is not E.SANCTION for s in annotation.stances)
