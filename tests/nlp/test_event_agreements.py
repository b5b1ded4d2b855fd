"""Two parties agreeing on something agree with each other, whatever the agreement is about."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Niger and Chad agreed to deploy a joint force along their border.", "country:NER", "country:TCD"),
        ("Niger and Chad agreed to deploy a joint force along their border.", "country:TCD", "country:NER"),
        ("Armenia and Azerbaijan agreed to exchange 30 prisoners each.", "country:ARM", "country:AZE"),
        ("Peru and Chile agreed to implement an EU plan on fisheries.", "country:PER", "country:CHL"),
        ("Peru and Chile agreed to implement an EU plan on fisheries.", "country:CHL", "org:european-union"),
    ],
)
def test_coordinated_parties_agree_with_each_other(
    annotate_text: Annotate, sentence: str, source: str, target: str
) -> None:
    assert_coded(code(annotate_text, sentence), Coded(source, target, (E.AGREE,)))


def test_those_an_agreement_is_about_are_not_its_parties(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Armenia and Azerbaijan agreed to exchange 30 prisoners each.")
    assert relation(coded, "country:ARM", "group:civilians") is None


def test_agreeing_to_harm_a_third_state_threatens_it(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Peru and Chile agreed to impose sanctions on Venezuela.")
    toward = [s for s in coded.stances if s.target == "country:VEN"]
    assert toward
    assert all(s.stance == "hostile" for s in toward)
