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


def test_financing_approved_for_a_country_is_aid_and_a_purchase_is_from_its_seller(annotate_text: Annotate) -> None:
    financing = code(annotate_text, "The World Bank approved $300 million in financing for Ethiopia.")
    assert_coded(financing, Coded("org:world-bank", "country:ETH", (E.AID,)))
    bought = code(annotate_text, "Poland bought 250 Abrams tanks from the United States.")
    assert_coded(bought, Coded("country:POL", "country:USA", (E.COOPERATE, E.AGREE)))
