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
