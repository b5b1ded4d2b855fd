"""Undoing a measure is the reversed event; the CAMEO dictionary's patterns for verbs with no event alone."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Kenyan government withdrew the charges against two British journalists.",
         Coded("country:KEN", "country:GBR", (E.CONCEDE,))),
        ("Russia ended its blockade of Ukrainian ports.", Coded("country:RUS", "country:UKR", (E.RETREAT,))),
        ("Turkey halted its offensive against the Syrian army.", Coded("country:TUR", "country:SYR", (E.RETREAT,))),
        ("The European Union lifted its sanctions on Belarus.",
         Coded("org:european-union", "country:BLR", (E.RETREAT,))),
        ("Canada dropped most of its retaliatory tariffs on American goods.",
         Coded("country:CAN", "country:USA", (E.RETREAT, E.CONCEDE))),
        ("Ankara called off a visit by the Greek prime minister.", Coded("country:TUR", "country:GRC", (E.SANCTION,))),
        ("Serbia suspended its cooperation with NATO.", Coded("country:SRB", "org:nato", (E.SANCTION,))),
        ("China cancelled planned joint drills with Russia.", Coded("country:CHN", "country:RUS", (E.SANCTION,))),
        ("Russia revoked the accreditation of two German journalists.",
         Coded("country:RUS", "country:DEU", (E.COERCE,))),
    ],
)  # fmt: skip
def test_undoing_a_measure_is_the_reversed_event(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_stopping_someone_elses_march_is_no_climb_down(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Egyptian police stopped a march by Sudanese refugees in Cairo.")
    assert not [s for s in annotation.stances if s.stance == "cooperative"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Israeli drones set ablaze a fuel depot in Lebanon's Bekaa valley.",
         Coded("country:ISR", "country:LBN", (E.ASSAULT,))),
        ("Rioters burned down the Chinese embassy in Bishkek.", Coded("group:protesters", "country:CHN", (E.ASSAULT,))),
        ("Putin wrapped up a two-day visit to India.", Coded("country:RUS", "country:IND", (E.CONSULT,))),
        ("Ukrainian sea drones sank a Russian landing ship off Crimea.",
         Coded("country:UKR", "country:RUS", (E.ASSAULT,))),
    ],
)  # fmt: skip
def test_the_dictionarys_patterns_code_verbs_with_no_event_alone(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_an_offer_cancelled_is_not_an_aid(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Japan scrapped its loan to Sri Lanka after the default.")
    assert_coded(annotation, Coded("country:JPN", "country:LKA", (E.SANCTION,)))
