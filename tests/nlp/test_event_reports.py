"""What a report says besides the event: who made an arrest it names no agent for, what no one refused, who was hit."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Forty Eritrean migrants were deported on Tuesday, Libya's interior ministry said.",
         Coded("country:LBY", "country:ERI", (E.COERCE,), ("government", "civilians"))),
        ("Senegalese authorities seized two tonnes of cocaine from a trawler and arrested its Spanish crew.",
         Coded("country:SEN", "country:ESP", (E.COERCE,))),
        ("Four al-Shabaab fighters were killed in a US air strike near Kismayo, the group said.",
         Coded("country:USA", "org:al-shabaab", (E.ASSAULT,))),
        ("Venezuela dispatched 50 doctors to Bolivia to help treat flood victims.",
         Coded("country:VEN", "country:BOL", (E.AID,))),
    ],
)  # fmt: skip
def test_who_acts_on_whom_in_a_report(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_reporting_lawyer_is_not_the_one_who_arrests(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Five journalists were arrested in Istanbul, their lawyers said.")
    assert not any(r.source == "country:TUR" and r.source_sector == "judiciary" for r in annotation.stances)


def test_declining_to_comment_refuses_no_one(annotate_text: Annotate) -> None:
    annotation = code(
        annotate_text,
        "A spokeswoman for the Japanese foreign ministry declined to comment on reports that Tokyo had summoned the "
        "Chinese ambassador.",
    )
    assert relation(annotation, "country:JPN", "country:CHN") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chinese coast guard vessels blocked Philippine fishing boats near the shoal.",
         Coded("country:CHN", "country:PHL", (E.COERCE,), ("police", None))),
        ("Indian border guards blocked Nepalese traders at the crossing.",
         Coded("country:IND", "country:NPL", (E.COERCE,), ("police", "business"))),
        ("Russia blocked a UN resolution on Syria.",
         Coded("country:RUS", "org:united-nations", (E.REJECT,))),
    ],
)  # fmt: skip
def test_what_a_force_blocks_it_stops(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    """A state's armed body that blocks people coerces them; a state blocking a resolution rejects it."""
    assert_coded(code(annotate_text, sentence), expected)
