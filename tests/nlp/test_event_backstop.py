"""The last reading: a sentence no rule codes an event in still yields its verb's subject → the next actor."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # an idiom the rules read no target for
            "Mauritania walked away from talks with Mali over the border dispute.",
            Coded("country:MRT", "country:MLI", (E.SANCTION,)),
        ),
    ],
)
def test_a_sentence_no_rule_codes_still_yields_its_event(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    "sentence",
    [
        "Mauritania did not walk away from talks with Mali.",
        "Mauritania could walk away from talks with Mali over the border dispute.",
        "Nouakchott denied walking away from talks with Mali.",
    ],
)
def test_the_last_reading_keeps_negation_and_hypotheticals_out(annotate_text: Annotate, sentence: str) -> None:
    assert not code(annotate_text, sentence).stances


def test_the_last_reading_is_marked_less_certain(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Mauritania walked away from talks with Mali over the border dispute.")
    relation = next(s for s in coded.stances if s.source == "country:MRT" and s.target == "country:MLI")
    assert relation.confidence <= 0.5
