"""Where a protest is held says whom it is against; joint police raids still arrest; calls made "by telephone"."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # unnamed protesters in a capital, against a measure: against that country's government
            "Students rallied in Lima against a pension reform.",
            Coded("group:protesters", "country:PER", (E.PROTEST,), ("protesters", "government")),
        ),
        (  # the place named on the protesters themselves
            "Protesters in Quito marched on the presidential palace.",
            Coded("group:protesters", "country:ECU", (E.PROTEST,)),
        ),
        (  # a people's plural the tagger took for a proper noun: the country's people, protesting at home
            "Georgians rallied outside parliament against a new tax.",
            Coded("country:GEO", "country:GEO", (E.PROTEST,), ("protesters", "legislature")),
        ),
        (  # a joint operation is cooperation between the forces, and the arrests it makes still count
            "Peruvian and Bolivian police carried out a joint operation on Lake Titicaca, arresting 14 suspected "
            "smugglers.",
            Coded("country:PER", "group:criminals", (E.COERCE,), ("police", "criminals")),
        ),
        (
            "Peruvian and Bolivian police carried out a joint operation on Lake Titicaca, arresting 14 suspected "
            "smugglers.",
            Coded("country:BOL", "group:criminals", (E.COERCE,), ("police", "criminals")),
        ),
        (  # a ring a crime word describes is a criminal group
            "Chilean police dismantled a cocaine trafficking ring in Valparaiso.",
            Coded("country:CHL", "group:criminals", (E.COERCE,), ("police", "criminals")),
        ),
        (  # the parser hung "by telephone" as a passive's agent: still the means of a call with Putin
            "Olaf Scholz spoke by telephone with Vladimir Putin for the first time since the summit.",
            Coded("country:DEU", "country:RUS", (E.CONSULT,)),
        ),
    ],
)
def test_protest_sites_joint_raids_and_calls(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_protest_abroad_against_a_named_state_is_not_against_the_host(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Protesters in Madrid burned an Israeli flag.")
    assert relation(coded, "group:protesters", "country:ESP") is None
    assert_coded(coded, Coded("group:protesters", "country:ISR", (E.PROTEST,)))


def test_a_protest_in_two_countries_names_no_one_government(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Protesters marched in Lima and in Santiago against the new mining law.")
    assert not [s for s in coded.stances if s.source == "group:protesters"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # people detained at a rally are its protesters, and the rally is theirs, not the police's
            "Police detained dozens of people at a protest in Minsk on Sunday.",
            Coded("country:BLR", "group:protesters", (E.COERCE,), ("police", "protesters")),
        ),
        (
            "Police detained dozens of people at a protest in Minsk on Sunday.",
            Coded("group:protesters", "country:BLR", (E.PROTEST,), ("protesters", "government")),
        ),
        (
            "Riot police in Yerevan arrested 30 people during a sit-in outside the government building.",
            Coded("country:ARM", "group:protesters", (E.COERCE,), ("police", "protesters")),
        ),
    ],
)
def test_an_act_of_force_at_a_protest_is_against_its_protesters(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_the_police_at_a_protest_are_not_its_protesters(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Police in Baku arrested 20 people during a rally against the new media law.")
    assert not [s for s in coded.stances if s.source == "country:AZE" and s.event == E.PROTEST]
    assert_coded(coded, Coded("group:protesters", "country:AZE", (E.PROTEST,)))


def test_people_killed_at_an_election_rally_are_no_protesters(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "A suicide bomber killed 30 people at an election rally in Bajaur.")
    assert not [s for s in coded.stances if "group:protesters" in (s.source, s.target)]
