"""Whom an act harmed: the people killed when it struck a thing in a place, the place's country when it
struck the place; group names with a possessive mark or a people's adjective before their acronym."""

import pytest
import spacy
from spacy.tokens import Doc, Span

from consumers.nlp.ner import entity_edges
from consumers.nlp.resolve import slugify
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


def test_an_attack_on_a_thing_in_a_place_is_on_the_people_it_killed(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Gunmen attacked a bus station in Kenya's Mandera county, killing 11 passengers.")
    assert_coded(coded, Coded("group:rebels", "group:civilians", (E.ASSAULT,)))
    assert relation(coded, "group:rebels", "country:KEN") is None


def test_an_attack_on_a_named_city_is_on_its_country_not_on_the_dead(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Russian missiles pounded Odesa overnight, killing four people.")
    assert_coded(coded, Coded("country:RUS", "country:UKR", (E.ASSAULT,)))
    assert relation(coded, "country:RUS", "group:civilians") is None


def test_people_killed_when_fire_is_opened_on_protesters_are_the_protesters(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text, "Sudanese soldiers opened fire on protesters outside the army headquarters, killing nine people."
    )
    assert_coded(coded, Coded("country:SDN", "group:protesters", (E.ASSAULT,)))
    assert relation(coded, "country:SDN", "group:civilians") is None


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Tigray People's Liberation Front", "tigray-peoples-liberation-front"),  # as a curly mark already gives
        ("Kurdistan Workers' Party", "kurdistan-workers-party"),
        ("O'Neill", "o-neill"),  # a mark inside a name still parts it
    ],
)
def test_a_possessive_mark_does_not_split_a_name(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_a_people_s_adjective_before_a_group_s_acronym_is_not_part_of_the_name() -> None:
    words = ["Kurdish", "YPG", "fighters", "clashed", "with", "Kurdish", "Peshmerga", "units"]
    tags = ["NNP", "NNP", "NNS", "VBD", "IN", "JJ", "NNP", "NNS"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        tags=tags,
        pos=["PROPN", "PROPN", "NOUN", "VERB", "ADP", "ADJ", "PROPN", "NOUN"],
    )
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 5, 7, label="ORG")]
    assert [e.text for e in entity_edges(doc).ents] == ["YPG", "Kurdish Peshmerga"]  # only before an acronym


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # the words before a name stop at its verb: the police who arrest are not the arrested man's title
            "Indian police arrested Nawaz Sharif.",
            Coded("country:IND", "country:PAK", (E.COERCE,), ("police", "government")),
        ),
        (
            "Pakistani police arrested Nawaz Sharif.",
            Coded("country:PAK", "country:PAK", (E.COERCE,), ("police", "government")),
        ),
        (  # recognition switched to a government is support for it
            "The Solomon Islands switched its recognition from Taiwan to Beijing.",
            Coded("country:SLB", "country:CHN", (E.SUPPORT,)),
        ),
        (  # money deposited in a country's central bank props it up
            "Qatar deposited $2 billion in Egypt's central bank.",
            Coded("country:QAT", "country:EGY", (E.AID,)),
        ),
    ],
)
def test_titles_recognition_and_deposits(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_claimed_attack_that_killed_people_is_the_claimant_s(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text,
        "Boko Haram claimed responsibility for a bombing that killed 12 traders at a market in Maiduguri.",
    )
    assert [s.event for s in coded.stances if s.source == "org:boko-haram"] == [E.ASSAULT]
