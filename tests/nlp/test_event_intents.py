"""Promised harm threatens; what could happen or is unlikely is not coded; a count of a people is that people."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The EU vowed to impose new sanctions on Iran.",
            Coded("org:european-union", "country:IRN", (E.THREATEN,)),
        ),
        (
            "Duterte vowed to arrest the drug lords.",
            Coded("country:PHL", "group:criminals", (E.THREATEN,)),
        ),
        (  # the model tags "Three Britons" as an organisation's name
            "Three Britons were detained by Iranian security forces.",
            Coded("country:IRN", "country:GBR", (E.COERCE,)),
        ),
    ],
)
def test_promised_harm_and_counted_people(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("Russia and Ukraine could hold a new round of talks in Istanbul next month.", ("country:RUS", "country:UKR")),
        ("Israel and Saudi Arabia are unlikely to normalise relations this year.", ("country:ISR", "country:SAU")),
    ],
)
def test_an_event_noun_under_a_hypothetical_or_hedged_verb_is_not_coded(
    annotate_text: Annotate, sentence: str, pair: tuple[str, str]
) -> None:
    annotation = code(annotate_text, sentence)
    assert set(pair) <= {e.id for e in annotation.entities}, "both parties are found"
    assert relation(annotation, *pair) is None, annotation.stances
