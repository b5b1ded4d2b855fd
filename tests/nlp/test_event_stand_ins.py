"""Phrases that stand for a party: staff for their employer, snipers for their army, "the rebels" for the group."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The detention of two Amnesty International researchers by Azerbaijani police drew criticism.",
         Coded("country:AZE", "org:amnesty-international", (E.COERCE,), ("police", "ngo"))),
        ("Israeli snipers wounded a Palestine Red Crescent volunteer in Jenin.",
         Coded("country:ISR", "org:palestine-red-crescent", (E.ASSAULT,), ("military", None))),
    ],
)  # fmt: skip
def test_staff_named_with_their_organisation_stand_for_it(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Syrian snipers shot two Lebanese shepherds near the border.",
         Coded("country:SYR", "country:LBN", (E.ASSAULT,), ("military", "civilians"))),
        ("Turkish police beat an AFP photographer during the rally in Ankara.",
         Coded("country:TUR", "org:afp", (E.ASSAULT,), ("police", "media"))),
    ],
)  # fmt: skip
def test_snipers_and_photographers_have_their_sectors(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Peru's government suspended talks with the Shining Path. It said the rebels had ambushed an army patrol.",
         Coded("org:shining-path", "country:PER", (E.ASSAULT,), ("rebels", "military"))),
        ("Burkina Faso's government accused JNIM of massacres. The militants later attacked an army base in Djibo.",
         Coded("org:jnim", "country:BFA", (E.ASSAULT,))),
    ],
)  # fmt: skip
def test_the_rebels_are_the_armed_group_named_before(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    coded = code(annotate_text, sentence)
    assert_coded(coded, expected)
    assert relation(coded, "group:rebels", expected.target) is None
