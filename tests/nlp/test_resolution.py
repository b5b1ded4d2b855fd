"""Entity resolution on short texts: surnames, titles, affiliation, pronouns, metonymy."""

from collections.abc import Callable

from consumers.nlp.annotator import Annotation
from consumers.nlp.resolve import slugify
from tests.nlp.helpers import entity, pairs

TEXT = """Brazil and Argentina agree to expand trade

Brazilian President Luiz Inacio Lula da Silva met Argentine President Javier Milei in Brasilia on Friday.
Lula said Brazil would deepen its partnership with Argentina.
He also criticized the European Union for its farm subsidies.
Maria Lopez, a spokeswoman for Chile's foreign ministry, welcomed the talks. Lopez praised Brazil for its leadership.
"""


def test_surname_merges_with_full_name(annotate_text: Callable[[str], Annotation]) -> None:
    result = annotate_text(TEXT)
    lula = entity(result, "person:luiz-inacio-lula-da-silva")
    assert {m.text for m in lula.mentions} == {"Luiz Inacio Lula da Silva", "Lula"}
    lopez = entity(result, "person:maria-lopez")
    assert {m.text for m in lopez.mentions} == {"Maria Lopez", "Lopez"}


def test_titles_stripped_and_affiliations(annotate_text: Callable[[str], Annotation]) -> None:
    result = annotate_text(TEXT)
    assert entity(result, "person:luiz-inacio-lula-da-silva").affiliation == "country:BRA"
    assert entity(result, "person:javier-milei").name == "Javier Milei"
    assert entity(result, "person:javier-milei").affiliation == "country:ARG"
    assert entity(result, "person:maria-lopez").affiliation == "country:CHL"


def test_capital_in_locative_use_is_the_city(annotate_text: Callable[[str], Annotation]) -> None:
    result = annotate_text(TEXT)
    brazil = entity(result, "country:BRA")
    assert "Brasilia" not in {m.text for m in brazil.mentions}
    assert {"Brazil", "Brazilian"} <= {m.text for m in brazil.mentions}


def test_pronoun_resolved_to_last_person(annotate_text: Callable[[str], Annotation]) -> None:
    found = pairs(annotate_text(TEXT))
    assert found.get(("person:luiz-inacio-lula-da-silva", "org:european-union")) == "hostile"
    assert found.get(("country:BRA", "country:ARG")) == "cooperative"
    assert ("person:luiz-inacio-lula-da-silva", "country:BRA") not in found


def test_slugify() -> None:
    assert slugify("Deutsche Welle") == "deutsche-welle"
    assert slugify("São Tomé") == "sao-tome"
    assert slugify("Xiangshan Forum") == "xiangshan-forum"


def test_initials_are_the_organisation_named_in_full_in_the_same_article(
    annotate_text: Callable[[str], Annotation],
) -> None:
    result = annotate_text(
        "Kenya gets a loan\n\nThe International Monetary Fund approved a loan for Kenya on Monday. "
        "The IMF said Nairobi had met its fiscal targets."
    )
    fund = entity(result, "org:international-monetary-fund")
    assert {m.text for m in fund.mentions} == {"International Monetary Fund", "IMF"}
    assert "org:imf" not in {e.id for e in result.entities}


def test_initials_alone_are_the_name_the_article_uses(annotate_text: Callable[[str], Annotation]) -> None:
    result = annotate_text("Kenya gets a loan\n\nThe IMF approved a loan for Kenya on Monday.")
    assert "org:imf" in {e.id for e in result.entities}
