"""Conditional threats, acts inside conditions or under hedges, and the press as no party."""

import pytest
from spacy.language import Language

from consumers.nlp.events.conditions import _is_press
from consumers.nlp.events.triggers import verb_trigger
from consumers.nlp.ner import load_spacy
from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Beijing would retaliate if the Philippines expanded its outpost on the shoal, a ministry spokesman said.",
         "country:CHN", "country:PHL"),
        ("Iran would hit American bases across the region if Washington joined the war, a commander said.",
         "country:IRN", "country:USA"),
        ("Beijing said it would take countermeasures if Lithuania allowed Taiwan to open an office.",
         "country:CHN", "country:LTU"),
        ("India will strike back hard unless Pakistan stops sheltering militants, the defence minister said.",
         "country:IND", "country:PAK"),
    ],
)  # fmt: skip
def test_a_harm_promised_on_a_condition_threatens_whoever_the_condition_names(
    annotate_text: Annotate, sentence: str, source: str, target: str
) -> None:
    assert_coded(code(annotate_text, sentence), Coded(source, target, (E.THREATEN,)))


def test_restraint_promised_on_a_condition_threatens_no_one(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Seoul will not respond if Pyongyang refrains from further launches.")
    assert relation(annotation, "country:KOR", "country:PRK") is None


def test_the_act_inside_a_condition_is_not_coded(annotate_text: Annotate) -> None:
    annotation = code(
        annotate_text, "Russia will respond if European governments seize its assets to fund Ukraine, Lavrov said."
    )
    assert relation(annotation, "country:RUS", "country:UKR") is None


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Canada is unlikely to ease its tariffs on Chinese steel before the election, ministers said.",
         "country:CAN", "country:CHN"),
        ("Analysts say Qatar may seek to mediate between Ethiopia and Eritrea.", "country:QAT", "country:ETH"),
        ("A meeting between the leaders of Armenia and Azerbaijan is unlikely to happen this year.",
         "country:ARM", "country:AZE"),
    ],
)  # fmt: skip
def test_an_act_under_a_hedge_is_not_coded(annotate_text: Annotate, sentence: str, source: str, target: str) -> None:
    assert relation(code(annotate_text, sentence), source, target) is None


def test_speaking_to_reporters_is_no_consultation(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Kenya's foreign minister spoke to reporters in Nairobi after the summit.")
    assert relation(annotation, "country:KEN", "group:media") is None


def test_the_outlet_that_reports_is_no_party(annotate_text: Annotate) -> None:
    annotation = code(
        annotate_text, "Qatar has pledged $1 billion to rebuild Syria's power grid, the Gulf Times newspaper reported."
    )
    assert_coded(annotation, Coded("country:QAT", "country:SYR", (E.AGREE,)))
    assert not [s for s in annotation.stances if "gulf-times" in s.target]


@pytest.mark.parametrize(
    ("sentence", "press"),
    [
        ("Syria barred the inspectors, the chemical weapons agency said.", False),
        ("The ruling party won the vote, the state news agency said.", True),
        ("The ruling party won the vote, the channel said.", False),
    ],
)
def test_only_a_news_agency_or_channel_is_the_press(sentence: str, press: bool) -> None:
    (speaker,) = [t for t in _nlp()(sentence) if t.dep_ == "nsubj" and t.head.lemma_ == "say"]
    assert _is_press(speaker) is press


def _nlp() -> Language:
    return load_spacy("en_core_web_sm")


def test_committing_forces_is_a_light_verb() -> None:
    nlp = _nlp()
    (verb,) = [t for t in nlp("Norway committed two frigates to help Denmark.") if t.lemma_ == "commit"]
    found = verb_trigger(verb)
    assert found is not None and found.event is E.AGREE and found.light, "the object's event comes first"


def test_returning_from_a_trip_is_no_return(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "The Turkish foreign minister returned to Ankara from Moscow on Friday.")
    assert relation(annotation, "country:TUR", "country:RUS") is None
