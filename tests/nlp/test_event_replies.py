"""Replies and reactions told in a later sentence: a refusal answers the asker, "the measures" their doer."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        ("Chile asked Bolivia on Monday to extradite a former minister. La Paz refused two days later.",
         Coded("country:BOL", "country:CHL", (E.REJECT,))),
        ("Japan urged South Korea to lift its ban on seafood imports. Seoul agreed.",
         Coded("country:KOR", "country:JPN", (E.AGREE, E.CONCEDE))),
    ],
)  # fmt: skip
def test_a_reply_naming_no_one_answers_whoever_asked(annotate_text: Annotate, passage: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, passage), expected)


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        ("The European Union banned imports of Belarusian potash on Tuesday. Minsk condemned the measures as theft.",
         Coded("country:BLR", "org:european-union", (E.ACCUSE,))),
        ("Russia launched naval drills near Japan on Friday. Tokyo denounced the exercises.",
         Coded("country:JPN", "country:RUS", (E.ACCUSE,))),
    ],
)  # fmt: skip
def test_the_measures_or_exercises_condemned_are_those_just_told(
    annotate_text: Annotate, passage: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, passage), expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nicaragua ordered the Dutch ambassador out of Managua after the Netherlands cut aid.",
         Coded("country:NIC", "country:NLD", (E.SANCTION,))),
        ("Thousands of Afghan migrants were turned back by Iranian border guards near Herat.",
         Coded("country:IRN", "country:AFG", (E.COERCE,), ("police", "civilians"))),
    ],
)  # fmt: skip
def test_expelled_or_turned_back(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)
