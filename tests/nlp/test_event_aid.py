"""Aid by what is given: goods by the load, munitions and rations count as help."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

GOODS = [
    pytest.param(
        "Turkey sent 40 truckloads of flour to Syria.",
        Coded("country:TUR", "country:SYR", (E.AID,)),
        id="goods-by-the-load",
    ),
    pytest.param(
        "The United States shipped artillery shells and rockets to Ukraine.",
        Coded("country:USA", "country:UKR", (E.AID,)),
        id="munitions-given",
    ),
    pytest.param(
        "The UN delivered rations to Sudan.",
        Coded("org:united-nations", "country:SDN", (E.AID,)),
        id="rations-delivered",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), GOODS)
def test_goods_given_are_aid(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)
