"""Warnings about what one's own side would do, vows to retaliate for a named act, drills around a country,
forces leaving a country, demands a government gives way to, and crews freed."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Cyprus warned that Nicosia would respond firmly to any Turkish violation of its waters.",
            Coded("country:CYP", "country:TUR", (E.THREATEN,)),
        ),
        (
            "Pyongyang warned that its army would crush any Japanese provocation.",
            Coded("country:PRK", "country:JPN", (E.THREATEN,)),
        ),
        (
            "Morocco's interior minister warned that any Algerian incursion would be met with force.",
            Coded("country:MAR", "country:DZA", (E.THREATEN,)),
        ),
    ],
)
def test_a_warning_about_ones_own_response_threatens_whom_it_answers(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_warning_about_ones_own_response_is_not_aimed_at_oneself(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Cyprus warned that Nicosia would respond firmly to any violation of its waters.")
    assert relation(annotation, "country:CYP", "country:CYP") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Following Eritrean artillery strikes on villages in Ethiopia, Addis Ababa vowed to retaliate.",
            Coded("country:ETH", "country:ERI", (E.THREATEN,)),
        ),
        (
            "After the Azerbaijani drone strikes, Armenia threatened to retaliate.",
            Coded("country:ARM", "country:AZE", (E.THREATEN,)),
        ),
        (
            "Following Turkish drone strikes on camps in Iraq, Baghdad vowed to retaliate.",
            Coded("country:TUR", "country:IRQ", (E.ASSAULT,)),
        ),
    ],
)
def test_a_vow_to_retaliate_answers_the_act_it_follows(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Russia's navy held large-scale drills off the coast of Norway.",
            Coded("country:RUS", "country:NOR", (E.MOBILIZE,)),
        ),
        (
            "Chinese warships encircled the Philippines in live-fire drills.",
            Coded("country:CHN", "country:PHL", (E.MOBILIZE,)),
        ),
        (
            "Armenia put its army on heightened combat readiness near the border with Azerbaijan.",
            Coded("country:ARM", "country:AZE", (E.MOBILIZE,)),
        ),
    ],
)
def test_drills_around_a_country_and_combat_readiness_mobilise(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_joint_drills_stay_cooperation(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "India and France held joint naval drills in the Arabian Sea.")
    found = relation(annotation, "country:IND", "country:FRA")
    assert found is not None and found.event is E.COOPERATE


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The last German troops left Mali in December.",
            Coded("country:DEU", "country:MLI", (E.RETREAT,), ("military", None)),
        ),
        (
            "Peru's government bowed to the demands of the protesters.",
            Coded("country:PER", "group:protesters", (E.CONCEDE,)),
        ),
        (
            "Guinea's president rejected opposition demands to hold early elections.",
            Coded("country:GIN", "group:opposition", (E.REJECT,)),
        ),
        (
            "Somali pirates freed the 19 crew members of a tanker.",
            Coded("country:SOM", "group:civilians", (E.RETREAT,), ("criminals", "civilians")),
        ),
        (
            "Chilean police arrested protesting students in Santiago.",
            Coded("country:CHL", "group:protesters", (E.COERCE,), ("police", "protesters")),
        ),
    ],
)
def test_forces_leaving_demands_yielded_to_and_people_freed(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_visit_that_leaves_a_country_is_no_withdrawal(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "The German chancellor left Mali after a two-day visit.")
    found = relation(annotation, "country:DEU", "country:MLI")
    assert found is None or found.event is not E.RETREAT


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Two Armenian border guards were wounded by Azerbaijani fire overnight.",
            Coded("country:AZE", "country:ARM", (E.ASSAULT,)),
        ),
        (
            "The expulsion of two Czech diplomats by Moscow was condemned in Prague.",
            Coded("country:RUS", "country:CZE", (E.SANCTION,)),
        ),
        (
            "Bosnian Serb leaders rejected a ruling by Bosnia's state court.",
            Coded("country:BIH", "country:BIH", (E.REJECT,), ("government", "judiciary")),
        ),
    ],
)
def test_an_act_as_agent_a_misplaced_by_and_a_people_within_a_state(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_an_acronym_is_not_the_plural_of_another_group(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Pakistan's ISI agency shared intelligence with Afghanistan.")
    assert all(s.source != "org:isis" for s in annotation.stances)
