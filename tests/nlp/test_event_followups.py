"""What a later sentence does with the one before: welcomes it, answers it, disperses it, or asks it back."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        ("Ethiopia and Eritrea agreed to reopen their border crossings. Kenya welcomed the announcement.",
         Coded("country:KEN", "country:ERI", (E.SUPPORT,))),
        ("The Kenyan government scrapped a tax bill after weeks of street protests. The African Union welcomed the "
         "decision.", Coded("org:african-union", "country:KEN", (E.SUPPORT,))),
        ("Thousands of students rallied in Dhaka on Monday. Police fired tear gas to disperse them.",
         Coded("country:BGD", "group:civilians", (E.COERCE,), ("police", "civilians"))),
        ("Venezuelan soldiers detained nine Colombian farmers near the border. Bogota demanded their swift release.",
         Coded("country:COL", "country:VEN", (E.REQUEST,))),
    ],
)  # fmt: skip
def test_a_later_sentence_answers_the_act_before(annotate_text: Annotate, passage: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, passage), expected)


def test_a_request_refused_is_not_granted_by_a_later_vow(annotate_text: Annotate) -> None:
    annotation = code(
        annotate_text,
        "Sudanese army chief Abdel Fattah al-Burhan rejected calls from Washington for a truce. He vowed to keep "
        "fighting until the RSF was defeated.",
    )
    assert_coded(annotation, Coded("country:SDN", "country:USA", (E.REJECT,)))
    assert_coded(annotation, Coded("country:SDN", "org:rsf", (E.THREATEN,)))


def test_vetoing_a_condemnation_condemns_no_one(annotate_text: Annotate) -> None:
    annotation = code(
        annotate_text, "Poland vetoed a European Union declaration condemning Israel's settlement policy."
    )
    assert relation(annotation, "country:POL", "country:ISR") is None
    assert_coded(annotation, Coded("country:POL", "org:european-union", (E.REJECT,)))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hundreds of Peruvian protesters gathered outside the presidential palace in Lima.",
         Coded("country:PER", "country:PER", (E.PROTEST,), ("protesters", "government"))),
        ("Congolese President Felix Tshisekedi and Angolan President Joao Lourenco held talks in Luanda in May 2022.",
         Coded("country:AGO", "country:COD", (E.CONSULT,))),
    ],
)  # fmt: skip
def test_gatherings_and_uncoordinated_pairs(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)
