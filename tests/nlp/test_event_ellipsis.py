"""Talks a third state hosts, heads of agencies named in apposition, walk-outs, titled names the tables list,
recalls whose target an earlier clause names, retaliatory duties, and sums of money the tagger joins to a name."""

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from consumers.nlp.ner import entity_edges
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # the host meets both, and the two it hosts meet each other
            "Qatar hosted talks between Sudan and Chad in Doha.",
            Coded("country:SDN", "country:TCD", (E.CONSULT,)),
        ),
        (  # an agency's head, named by apposition, acts for the agency
            "Kristalina Georgieva, head of the International Monetary Fund, visited Kenya.",
            Coded("org:international-monetary-fund", "country:KEN", (E.CONSULT,), ("igo", None)),
        ),
        (  # leaving talks in protest breaks them off
            "Turkish negotiators walked out of talks with Cyprus.",
            Coded("country:TUR", "country:CYP", (E.SANCTION,)),
        ),
        (  # the tables list popes and monarchs with their title
            "Pope Leo urged Israel to allow aid into Gaza.",
            Coded("country:VAT", "country:ISR", (E.REQUEST,)),
        ),
        (  # an ambassador recalled from no one named: from whom the sentence's first clause broke with
            "Lithuania cut ties with Belarus, while Latvia and Estonia recalled their ambassadors.",
            Coded("country:EST", "country:BLR", (E.SANCTION,)),
        ),
        (
            "Mexico imposed retaliatory duties on Chinese steel.",
            Coded("country:MEX", "country:CHN", (E.COERCE,)),
        ),
    ],
)
def test_hosted_talks_heads_walk_outs_titles_recalls_and_duties(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_only_an_envoy_recalled_takes_the_earlier_clause_s_target(annotate_text: Annotate) -> None:
    suspended = code(
        annotate_text, "Lithuania cut ties with Belarus, while Latvia suspended its membership of the council."
    )
    assert relation(suspended, "country:LVA", "country:BLR") is None


def test_a_sum_of_money_the_tagger_joined_to_a_name_is_cut_off() -> None:
    words = ["The", "IMF", "will", "lend", "Argentina", "$", "20", "billion", "."]
    tags = ["DT", "NNP", "MD", "VB", "NNP", "$", "CD", "CD", "."]
    doc = Doc(
        Vocab(), words=words, tags=tags, pos=["DET", "PROPN", "AUX", "VERB", "PROPN", "SYM", "NUM", "NUM", "PUNCT"]
    )
    doc.ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 4, 8, label="ORG")]
    assert [(e.text, e.label_) for e in entity_edges(doc).ents] == [("IMF", "ORG"), ("Argentina", "ORG")]
