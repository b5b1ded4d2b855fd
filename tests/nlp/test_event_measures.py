"""A measure one is placed under, and help extended."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # the measure after "under" is the act, its agent in the passive's "by"
            "Five members of the Nicaraguan electoral council were placed under sanctions by Washington on Monday.",
            Coded("country:USA", "country:NIC", (E.COERCE,)),
        ),
        (  # "extended" gives what it extends when that is help
            "A $3 billion swap line was extended to Egypt by the Chinese central bank.",
            Coded("country:CHN", "country:EGY", (E.AID,)),
        ),
    ],
)
def test_measures_and_help(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_giving_verb_that_extends_no_help_codes_nothing(annotate_text: Annotate) -> None:
    assert code(annotate_text, "Kenya extended its condolences to Ethiopia.").stances == []
