"""Parties written as "the two countries" or as the maker of a call or visit received, and trips as visits."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

# "the two countries" after a sentence that named the pair only in a place or modifier
NAMED_PAIRS = [
    pytest.param(
        "Ghana reopened its border with Togo on Monday. The two countries held talks in Accra.",
        Coded("country:TGO", "country:GHA", (E.CONSULT,)),
        id="pair-named-in-a-modifier",
    ),
    pytest.param(
        "Ghana lies west of Togo. Ministers from the two countries met in Lome on Monday.",
        Coded("country:TGO", "country:GHA", (E.CONSULT,), ("government", "government")),
        id="agents-from-the-pair",
    ),
    pytest.param(
        "Ghana reopened its border with Togo on Monday. Talks between envoys from the two countries resumed.",
        Coded("country:TGO", "country:GHA", (E.CONSULT,)),
        id="talks-between-envoys-of-the-pair",
    ),
    pytest.param(
        "Lithuania lifted a ban on imports from Belarus. Customs officials from the two neighbours met on Tuesday.",
        Coded("country:BLR", "country:LTU", (E.CONSULT,)),
        id="officials-of-the-two-neighbours",
    ),
]

# "took a call from X": the caller or visitor is the source, the one who receives it the target
RECEIVED = [
    pytest.param(
        "The German chancellor took a phone call from the Polish prime minister about border controls.",
        ("country:POL", "country:DEU"),
        id="took-a-call-from",
    ),
    pytest.param(
        "Egypt's foreign minister got a call from his Jordanian counterpart late on Sunday.",
        ("country:JOR", "country:EGY"),
        id="got-a-call-from",
    ),
    pytest.param(
        "The Kenyan president received a visit from Ethiopia's foreign minister in Nairobi on Monday.",
        ("country:ETH", "country:KEN"),
        id="received-a-visit-from",
    ),
]

TRIPS = [
    pytest.param(
        "Spain's foreign minister met King Mohammed VI on a two-day trip to Morocco.",
        Coded("country:ESP", "country:MAR", (E.CONSULT,)),
        id="trip-to",
    ),
    pytest.param(
        "The German chancellor held talks on trade during a trip to India.",
        Coded("country:DEU", "country:IND", (E.CONSULT,)),
        id="during-a-trip",
    ),
    pytest.param(
        "Chile's president took a trip to Argentina on Monday.",
        Coded("country:CHL", "country:ARG", (E.CONSULT,)),
        id="took-a-trip",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_PAIRS)
def test_the_two_countries_are_the_pair_just_named(annotate_text: Annotate, text: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, text), expected)


def test_three_parties_named_leave_the_two_unresolved(annotate_text: Annotate) -> None:
    text = "Ghana reopened its border with Togo, Benin said. The two countries held talks in Accra."
    annotation = code(annotate_text, text)
    assert relation(annotation, "country:TGO", "country:GHA") is None


@pytest.mark.parametrize(("sentence", "dyad"), RECEIVED)
def test_a_call_received_is_the_callers(annotate_text: Annotate, sentence: str, dyad: tuple[str, str]) -> None:
    annotation = code(annotate_text, sentence)
    assert_coded(annotation, Coded(*dyad, (E.CONSULT,)))
    assert relation(annotation, dyad[1], dyad[0]) is None


@pytest.mark.parametrize(("sentence", "expected"), TRIPS)
def test_a_trip_to_a_country_is_a_visit(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_visit_by_someone_is_to_the_one_who_acts_after_it(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Belarus pardoned 52 prisoners after a visit by a US envoy.")
    assert_coded(annotation, Coded("country:USA", "country:BLR", (E.CONSULT,)))
    assert relation(annotation, "country:USA", "group:civilians") is None, "the prisoners were not visited"


def test_he_opening_a_sentence_is_the_previous_sentence_s_subject(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text,
        "Turkish President Recep Tayyip Erdogan met Hungarian Prime Minister Viktor Orban in Ankara. "
        "He then urged Sweden to curb protests.",
    )
    assert_coded(coded, Coded("country:TUR", "country:SWE", (E.REQUEST,)))
    assert relation(coded, "country:HUN", "country:SWE") is None
