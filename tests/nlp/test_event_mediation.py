"""Mediators consult each side of what they broker; a topic after "on" is no one's act."""

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


def test_a_broker_consults_each_side(annotate_text: Annotate) -> None:
    annotation = code(
        annotate_text, "Armenia and Azerbaijan freed 20 detainees each on Sunday in a swap brokered by Qatar."
    )
    assert_coded(annotation, Coded("country:QAT", "country:ARM", (E.CONSULT,)))
    assert_coded(annotation, Coded("country:QAT", "country:AZE", (E.CONSULT,)))
    assert relation(annotation, "country:ARM", "country:QAT") is None


def test_a_statement_on_a_war_is_no_attack(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Poland blocked a joint European Union statement on the war in Yemen.")
    assert relation(annotation, "country:POL", "country:YEM") is None
