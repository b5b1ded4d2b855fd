"""Article-level fields: salience, the article's stance toward salient actors, QIDs and quad classes."""

from collections.abc import Callable

from consumers.nlp.annotator import Annotation
from consumers.nlp.gazetteer import default_gazetteer
from consumers.nlp.salience import SALIENT
from tests.nlp.helpers import entity

QUAD_OF = {
    "cooperative": {"verbal_cooperation", "material_cooperation"},
    "hostile": {"verbal_conflict", "material_conflict"},
    "neutral": {"neutral"},
}


def test_salience_and_article_stance(annotate_text: Callable[[str], Annotation], seed_text: str) -> None:
    seed = annotate_text(seed_text)
    assert max(e.salience for e in seed.entities) == 1.0
    assert all(0.0 <= e.salience <= 1.0 for e in seed.entities)
    china = entity(seed, "country:CHN")
    assert china.salience >= 0.5
    assert china.stance is not None and china.stance.sentences >= 1
    for item in seed.entities:
        if item.stance is not None:
            assert item.salience >= SALIENT
            assert -1.0 <= item.stance.score <= 1.0


def test_quad_class_agrees_with_stance(annotate_text: Callable[[str], Annotation], seed_text: str) -> None:
    seed = annotate_text(seed_text)
    assert seed.stances
    for relation in seed.stances:
        assert relation.quad_class in QUAD_OF[relation.stance]


def test_wikidata_ids_from_the_gazetteer(annotate_text: Callable[[str], Annotation], seed_text: str) -> None:
    seed = annotate_text(seed_text)
    assert entity(seed, "country:CHN").wikidata == "Q148"
    assert entity(seed, "country:USA").wikidata == "Q30"
    assert entity(seed, "country:RUS").wikidata == "Q159"
    assert entity(seed, "person:sergei-shoigu").wikidata is None
    gazetteer = default_gazetteer()
    assert gazetteer.wikidata("org:nato") == "Q7184"
    assert gazetteer.wikidata("bloc:west") is None
