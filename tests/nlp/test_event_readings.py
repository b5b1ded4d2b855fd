"""Parties the parser reads one way and the text means another: a pair read as one noun, a party named by apposition."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # "[government and Houthi] rebels": the state's body is a party of its own, the fighters the other
            "Yemen's government and Houthi rebels agreed to a prisoner swap.",
            Coded("country:YEM", "org:houthis", (E.AGREE,), ("government", "rebels")),
        ),
        (
            "Yemen's government and Houthi rebels agreed to a prisoner swap.",
            Coded("org:houthis", "country:YEM", (E.AGREE,), ("rebels", "government")),
        ),
        (  # an opposition party no country is stated for acts under its own name
            "Uzbekistan banned the opposition Erk Democratic Party in 1993, calling it a threat to stability.",
            Coded("country:UZB", "org:erk-democratic-party", (E.COERCE,), (None, "opposition")),
        ),
    ],
)
def test_parties_as_the_text_means_them(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)
