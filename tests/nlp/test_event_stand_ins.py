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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The speaker of the Polish Senate flew to Taipei on Monday.",
         Coded("country:POL", "country:TWN", (E.CONSULT,), ("legislature", None))),
        ("The Romanian Senate ratified a defence pact with Moldova.",
         Coded("country:ROU", "country:MDA", (E.SUPPORT, E.AGREE))),
    ],
)  # fmt: skip
def test_a_state_body_named_with_a_nationality_is_that_nation_s(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    coded = code(annotate_text, sentence)
    assert_coded(coded, expected)
    assert all(r.source != "country:USA" for r in coded.stances)  # not the U.S. Senate of the tables


def test_a_secretary_acts_for_the_state_that_names_them(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Australia's foreign secretary urged Beijing to release the detained writer.")
    assert_coded(coded, Coded("country:AUS", "country:CHN", (E.REQUEST,), ("government", None)))


def test_the_highest_level_of_combat_readiness_is_a_mobilisation(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text, "Armenia placed its army on the highest level of combat readiness after clashes with Azerbaijan."
    )
    assert_coded(coded, Coded("country:ARM", "country:AZE", (E.MOBILIZE,)))
