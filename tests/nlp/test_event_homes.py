"""Hostilities halted by both sides, a cell dismantled, and a group's act toward its home state."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # both sides stop their fighting: a ceasefire each way
            "Israel and Hezbollah halted hostilities on Wednesday.",
            Coded("country:ISR", "org:hezbollah", (E.RETREAT,)),
        ),
        (
            "Israel and Hezbollah halted hostilities on Wednesday.",
            Coded("org:hezbollah", "country:ISR", (E.RETREAT,)),
        ),
        (
            "Turkish police dismantled an Islamic State cell in Istanbul.",
            Coded("country:TUR", "org:islamic-state", (E.COERCE,), ("police", "rebels")),
        ),
        (  # a group named as a country's, ceasing fire toward no one named: toward that country
            "Myanmar's Arakan Army declared a unilateral ceasefire.",
            Coded("org:arakan-army", "country:MMR", (E.RETREAT,), ("rebels", "government")),
        ),
        (  # an opposition's demand of no one named: of its own government
            "Kenyan opposition leader Raila Odinga demanded a recount.",
            Coded("country:KEN", "country:KEN", (E.REQUEST,), ("opposition", "government")),
        ),
    ],
)
def test_ceasefires_crackdowns_and_demands_of_the_home_state(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_stopping_someone_else_s_act_is_no_ceasefire(annotate_text: Annotate) -> None:
    stopped = code(annotate_text, "Police and soldiers stopped the march in Nairobi.")
    assert not [s for s in stopped.stances if s.event is E.RETREAT], stopped.stances
