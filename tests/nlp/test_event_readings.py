"""Parties the parser reads one way and the text means another: a pair read as one noun, a party named by apposition."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # "[government and Houthi] rebels": the state's body is a party of its own, the fighters the other
            "Yemen's government and Houthi rebels agreed to a prisoner swap.",
            Coded("country:YEM", "org:houthis", (E.AGREE,), ("government", "rebels")),
        ),
        (
            "Yemen's government and Houthi rebels agreed to a prisoner swap.",
            Coded("org:houthis", "country:YEM", (E.AGREE,), ("rebels", "government")),
        ),
        (  # an opposition party no country is stated for acts under its own name
            "Uzbekistan banned the opposition Erk Democratic Party in 1993, calling it a threat to stability.",
            Coded("country:UZB", "org:erk-democratic-party", (E.COERCE,), (None, "opposition")),
        ),
    ],
)
def test_parties_as_the_text_means_them(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_name_the_parser_joined_to_a_date_is_the_next_clause_s_subject(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "The militants freed four hostages on Friday and Mali released 30 prisoners.")
    assert_coded(coded, Coded("country:MLI", "group:civilians", (E.RETREAT,)))
    assert relation(coded, "group:rebels", "country:MLI") is None


def test_a_drafted_text_is_its_author_s(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "The United States vetoed an Algerian-drafted Security Council resolution on Gaza.")
    assert_coded(coded, Coded("country:USA", "country:DZA", (E.REJECT,)))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Pyongyang ruled out talks with Seoul.", Coded("country:PRK", "country:KOR", (E.REJECT,))),
        (  # what was ordered is not done, the order itself coerces
            "Kyrgyzstan ordered the Azattyk broadcaster to shut its bureau.",
            Coded("country:KGZ", "group:media", (E.COERCE,), (None, "media")),
        ),
        (  # the tagger took "Supreme" for an organisation: the title's country speaks
            "Iran's Supreme Leader Ali Khamenei rejected talks with the United States.",
            Coded("country:IRN", "country:USA", (E.REJECT,), ("government", None)),
        ),
        (  # a private person described by nationality and trade is that country's civilian
            "Iran freed French aid worker Olivier Grondeau.",
            Coded("country:IRN", "country:FRA", (E.RETREAT,), (None, "civilians")),
        ),
        (
            "Georgian police arrested several opposition party officials outside parliament.",
            Coded("country:GEO", "group:opposition", (E.COERCE,), ("police", "opposition")),
        ),
    ],
)
def test_phrasal_verbs_orders_titles_and_private_people(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    "sentence",
    [
        "Poland vetoed a European Union declaration on migration.",
        "Malta blocked a European Union declaration on Libya.",
    ],
)
def test_a_blocked_statement_is_its_author_s_not_its_topic_s(annotate_text: Annotate, sentence: str) -> None:
    coded = code(annotate_text, sentence)
    refused = [s for s in coded.stances if s.event == E.REJECT]
    assert [s.target for s in refused] == ["org:european-union"]


def test_a_one_word_group_before_a_leader_s_title_is_still_the_group(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Hamas leader Ismail Haniyeh met Qatar's emir in Doha.")
    assert_coded(coded, Coded("org:hamas", "country:QAT", (E.CONSULT,)))
