"""Who acts on whom when several parties share one act: passive agents, signed treaties, talks held with."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

PAIRS = [
    pytest.param(
        "A fisheries accord was agreed by Norway and Iceland on Friday.",
        Coded("country:ISL", "country:NOR", (E.AGREE,)),
        id="passive-agents-agree-with-each-other",
    ),
    pytest.param(
        "Ecuador and Peru signed a treaty on their river border on Monday.",
        Coded("country:PER", "country:ECU", (E.SUPPORT,)),
        id="signers-of-a-treaty-each-with-the-other",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), PAIRS)
def test_shared_acts_go_both_ways(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)
