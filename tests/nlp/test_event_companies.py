"""Companies act under their own name; crowd-control weapons coerce; who marches is read through "who"."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # a state's company named in apposition is the company, not its state
            "India's state oil company ONGC signed a deal with Brazil.",
            Coded("org:ongc", "country:BRA", (E.COOPERATE,), ("business", None)),
        ),
        (  # a company its nationality and trade describe
            "Moscow seized the Russian assets of German carmaker Volkswagen.",
            Coded("country:RUS", "org:volkswagen", (E.COERCE,), (None, "business")),
        ),
        (  # tear gas, water cannon and rubber bullets fired at people coerce them
            "Riot police fired water cannon and rubber bullets at farmers protesting new taxes in Brussels.",
            Coded("country:BEL", "group:protesters", (E.COERCE,), ("police", "protesters")),
        ),
        (  # the demonstrators "who were marching" are the marchers, in the city named on them
            "Police fired tear gas at demonstrators in Lima who were marching against the new mining law.",
            Coded("group:protesters", "country:PER", (E.PROTEST,)),
        ),
    ],
)
def test_companies_crowd_weapons_and_marchers(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_live_fire_at_protesters_is_still_an_assault(annotate_text: Annotate) -> None:
    fired = code(annotate_text, "Israeli troops fired at protesters.")
    assert_coded(fired, Coded("country:ISR", "group:protesters", (E.ASSAULT,)))


def test_a_call_rejected_is_rejected_to_its_caller_not_to_what_it_asks_for(annotate_text: Annotate) -> None:
    rejected = code(annotate_text, "Israel rejected Egypt's call for a Palestinian state.")
    assert_coded(rejected, Coded("country:ISR", "country:EGY", (E.REJECT,)))
    assert relation(rejected, "country:ISR", "country:PSE") is None


def test_every_act_a_threat_names_is_threatened_not_done(annotate_text: Annotate) -> None:
    threat = code(annotate_text, "Russia threatened to halt gas deliveries and cut off electricity to Moldova.")
    assert_coded(threat, Coded("country:RUS", "country:MDA", (E.THREATEN,)))


def test_what_a_rally_marches_to_condemn_was_done(annotate_text: Annotate) -> None:
    condemned = code(annotate_text, "Students rallied in Lahore to condemn Israeli strikes on Lebanon.")
    assert_coded(condemned, Coded("country:ISR", "country:LBN", (E.ASSAULT,)))


def test_who_reports_what_others_may_do_takes_no_side_toward_them(annotate_text: Annotate) -> None:
    reported = code(
        annotate_text, "Armenia and Azerbaijan could hold new talks in Vienna next month, a French diplomat said."
    )
    assert not [s for s in reported.stances if s.source == "country:FRA"]


def test_a_blockade_by_several_states_is_not_by_one_of_them_on_another(annotate_text: Annotate) -> None:
    blockade = code(annotate_text, "Serbia was put under a trade blockade by Kosovo, Albania and North Macedonia.")
    assert_coded(blockade, Coded("country:ALB", "country:SRB", (E.COERCE,)))
    assert relation(blockade, "country:ALB", "country:XKX") is None


def test_forces_approaching_a_state_that_goes_on_alert_mobilise_against_it(annotate_text: Annotate) -> None:
    alert = code(annotate_text, "Japan scrambled fighter jets after Russian bombers approached its airspace.")
    assert_coded(alert, Coded("country:RUS", "country:JPN", (E.MOBILIZE,), ("military", None)))


def test_forces_arriving_for_a_welcomed_visit_mobilise_against_no_one(annotate_text: Annotate) -> None:
    visit = code(annotate_text, "Sri Lanka welcomed the visit as Indian navy ships arrived in Colombo.")
    assert not [s for s in visit.stances if s.event is E.MOBILIZE]


def test_companies_a_plural_names_are_each_the_company(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Beijing sanctioned American defence firms Lockheed Martin and Raytheon.")
    for company in ("org:lockheed-martin", "org:raytheon"):
        assert_coded(coded, Coded("country:CHN", company, (E.COERCE, E.SANCTION), (None, "business")))
    assert relation(coded, "country:CHN", "country:USA") is None
