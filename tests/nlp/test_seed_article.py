"""The canonical example: entities once each with all mentions, and the key stance relations."""

from collections.abc import Callable

import pytest

from consumers.nlp.annotator import Annotation
from schemas import stance_of
from tests.nlp.conftest import article_from_text
from tests.nlp.helpers import entity, pairs, relation

EXPECTED = {
    "country:CHN": "China",
    "country:RUS": "Russia",
    "country:USA": "United States",
    "country:TWN": "Taiwan",
    "country:UKR": "Ukraine",
    "bloc:west": "the West",
    "person:sergei-shoigu": "Sergei Shoigu",
    "person:zhang-yuxia": "Zhang Yuxia",
    "person:li-shangfu": "Li Shangfu",
    "person:joe-biden": "Joe Biden",
    "person:xi-jinping": "Xi Jinping",
    "person:wang-yi": "Wang Yi",
    "org:deutsche-welle": "Deutsche Welle",
    "event:xiangshan-forum": "Xiangshan Forum",
    "event:shangri-la-dialogue": "Shangri La Dialogue",
}


@pytest.fixture(scope="module")
def seed(annotate_text: Callable[[str], Annotation], seed_text: str) -> Annotation:
    return annotate_text(seed_text)


def test_expected_entities_once_with_canonical_names(seed: Annotation) -> None:
    for entity_id, name in EXPECTED.items():
        assert entity(seed, entity_id).name == name
    ids = [e.id for e in seed.entities]
    assert len(ids) == len(set(ids))


def test_mentions_cover_title_body_and_variants(seed: Annotation, seed_text: str) -> None:
    article = article_from_text(seed_text)
    title, body = article.title, article.body
    china = entity(seed, "country:CHN")
    assert {"title", "body"} <= {m.field for m in china.mentions}
    assert {"China", "Chinese", "Beijing"} <= {m.text for m in china.mentions}
    assert {"US", "United States", "Washington"} <= {m.text for m in entity(seed, "country:USA").mentions}
    assert {"Sergei Shoigu", "Shoigu"} == {m.text for m in entity(seed, "person:sergei-shoigu").mentions}
    assert {"Joe Biden", "Biden"} == {m.text for m in entity(seed, "person:joe-biden").mentions}
    assert len(entity(seed, "bloc:west").mentions) >= 5
    for item in seed.entities:
        for mention in item.mentions:
            text = title if mention.field == "title" else body
            assert text[mention.start : mention.end] == mention.text


def test_affiliations(seed: Annotation) -> None:
    assert entity(seed, "person:sergei-shoigu").affiliation == "country:RUS"
    assert entity(seed, "person:zhang-yuxia").affiliation == "country:CHN"
    assert entity(seed, "person:wang-yi").affiliation == "country:CHN"
    assert entity(seed, "person:joe-biden").affiliation == "country:USA"
    assert entity(seed, "person:xi-jinping").affiliation == "country:CHN"


def test_key_relations_with_evidence(seed: Annotation, seed_text: str) -> None:
    article = article_from_text(seed_text)
    china_us = relation(seed, "country:CHN", "country:USA")
    assert china_us is not None and china_us.stance == "cooperative"
    china_russia = relation(seed, "country:CHN", "country:RUS")
    assert china_russia is not None and china_russia.stance == "cooperative"
    russia_west = relation(seed, "country:RUS", "bloc:west")
    assert russia_west is not None and russia_west.stance == "hostile"
    assert russia_west.speaker == "person:sergei-shoigu"
    for typed in (china_us, china_russia, russia_west):  # coded as events, the stance following the type
        assert typed.event is not None and stance_of(typed.event) == typed.stance, typed
    for rel in seed.stances:
        text = article.title if rel.evidence.field == "title" else article.body
        assert text[rel.evidence.start : rel.evidence.end] == rel.evidence.text
        assert rel.source != rel.target


def test_few_false_relations(seed: Annotation) -> None:
    found = pairs(seed)
    assert ("person:sergei-shoigu", "country:RUS") not in found
    assert ("country:CHN", "country:TWN") not in found
    assert ("country:RUS", "country:CHN") not in found
    assert ("country:CHN", "country:RUS") in found
    assert len(found) <= 12
