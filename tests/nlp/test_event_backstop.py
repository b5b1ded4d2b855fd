"""The last reading: a sentence no rule codes an event in still yields its verb's subject → the next actor."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # the refusal's target sits in a relative clause inside its object
            "Tunisia refused to take back hundreds of its citizens that Italy wanted to deport.",
            Coded("country:TUN", "country:ITA", (E.REJECT,)),
        ),
        (  # an idiom the rules read no target for
            "Vietnam walked away from talks with Laos over the dam project.",
            Coded("country:VNM", "country:LAO", (E.SANCTION,)),
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
        "Tunisia did not refuse to take back its citizens that Italy wanted to deport.",
        "Vietnam could walk away from talks with Laos over the dam project.",
        "Hanoi denied walking away from talks with Laos.",
    ],
)
def test_the_last_reading_keeps_negation_and_hypotheticals_out(annotate_text: Annotate, sentence: str) -> None:
    assert not code(annotate_text, sentence).stances


def test_the_last_reading_is_marked_less_certain(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Vietnam walked away from talks with Laos over the dam project.")
    relation = next(s for s in coded.stances if s.source == "country:VNM" and s.target == "country:LAO")
    assert relation.confidence <= 0.5
