"""Members listed after a group noun, subjects the parser hangs elsewhere, partners inside an object phrase,
bodies that shut a member out, routes "to and from" a country, and what a verb only cites."""

import pytest

from tests.nlp.helpers import entity, relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # the states an "of" phrase lists act, each of them
            "The Gulf states of Bahrain and Kuwait recalled their ambassadors from Lebanon.",
            Coded("country:KWT", "country:LBN", (E.SANCTION,)),
        ),
        (
            "The Gulf states of Bahrain and Kuwait recalled their ambassadors from Lebanon.",
            Coded("country:BHR", "country:LBN", (E.SANCTION,)),
        ),
        (  # an organisation named in full, its acronym in brackets
            "Venezuela quit the Organization of American States (OAS) in 2019.",
            Coded("country:VEN", "org:organization-of-american-states", (E.SANCTION,)),
        ),
        (  # a "with" the parser hangs inside a phrase of the verb still names the partner
            "Turkish investigators shared findings on the bombers with Greek authorities.",
            Coded("country:TUR", "country:GRC", (E.COOPERATE,), ("police", "government")),
        ),
        (  # "responded by expelling": the one responding expels
            "Oslo responded by expelling two Russian diplomats.",
            Coded("country:NOR", "country:RUS", (E.SANCTION,)),
        ),
        (  # suspended from a body, no agent named: the body suspends
            "Guinea was suspended from ECOWAS after the coup.",
            Coded("org:ecowas", "country:GIN", (E.SANCTION,)),
        ),
        (
            "Azerbaijan halted flights to and from Russia.",
            Coded("country:AZE", "country:RUS", (E.SANCTION,)),
        ),
        (  # weapons handed to an organisation's monitors are given up, not a break with the organisation
            "M23 rebels handed over their heavy weapons to African Union monitors.",
            Coded("org:m23", "org:african-union", (E.RETREAT,)),
        ),
    ],
)
def test_members_partners_and_bodies(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_subject_the_parser_hangs_on_a_phrase_of_the_real_subject(annotate_text: Annotate) -> None:
    # "fighters on motorbikes [killed ...]": the parser makes the motorbikes the noun the clause describes
    sentence = "Jihadist fighters on motorbikes killed at least 40 villagers in an attack on a village in Niger."
    assert_coded(code(annotate_text, sentence), Coded("group:rebels", "group:civilians", (E.ASSAULT,)))


def test_a_national_party_named_congress_is_an_organisation_and_a_party_congress_an_event(
    annotate_text: Annotate,
) -> None:
    party = code(annotate_text, "The Nepali Congress called on the government to step down.")
    assert entity(party, "org:nepali-congress").type == "ORG"
    meeting = code(annotate_text, "The Communist Party Congress opened in Beijing.")
    assert entity(meeting, "event:communist-party-congress").type == "EVENT"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Taliban released two American hostages and the United States freed 12 Afghan prisoners"
            " under the deal.",
            Coded("country:USA", "country:AFG", (E.RETREAT,)),
        ),
        (
            "Hamas released three Israeli hostages and Israel freed 110 Palestinian prisoners under the ceasefire.",
            Coded("country:ISR", "country:PSE", (E.RETREAT,)),
        ),
    ],
)
def test_the_subject_of_a_second_clause_the_parser_joined_to_the_first_object(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_what_a_verb_cites_is_not_an_act_of_its_subject(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Slovenia cancelled an order for Israeli-made rifles, citing the war in Gaza.")
    assert "country:SVN" in {e.id for e in annotation.entities}
    assert relation(annotation, "country:SVN", "country:PSE") is None, annotation.stances


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Moscow became the first capital to formally recognise the Taliban.",
            Coded("country:RUS", "org:taliban", (E.SUPPORT,)),
        ),
        (
            "Chile was the first country to sign a trade deal with China.",
            Coded("country:CHL", "country:CHN", (E.COOPERATE, E.AGREE)),
        ),
    ],
)
def test_the_first_to_act_is_the_subject_of_the_copula(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)
