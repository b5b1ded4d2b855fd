"""Acts told in passing: a reaction hung on "a move" by its agent, an attack a party "came under"."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


@pytest.mark.parametrize(
    ("sentence", "reactor", "doer", "event"),
    [
        ("Mali's junta expelled the French ambassador, a decision criticised by the European Union.",
         "org:european-union", "country:MLI", E.ACCUSE),
        ("Egypt reopened the Rafah crossing, a step welcomed by the United Nations.",
         "org:united-nations", "country:EGY", E.SUPPORT),
    ],
)  # fmt: skip
def test_a_reaction_in_passing_answers_the_act_before_it(
    annotate_text: Annotate, sentence: str, reactor: str, doer: str, event: E
) -> None:
    coded = code(annotate_text, sentence)
    assert_coded(coded, Coded(reactor, doer, (event,)))
    assert relation(coded, doer, reactor) is None  # the one reacting is no target of the act


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A Kenyan police patrol came under attack by suspected militants on Sunday.",
         Coded("group:rebels", "country:KEN", (E.ASSAULT,), ("rebels", "police"))),
        ("Nigerian troops came under attack by Boko Haram fighters near Maiduguri.",
         Coded("org:boko-haram", "country:NGA", (E.ASSAULT,), ("rebels", "military"))),
    ],
)  # fmt: skip
def test_an_attack_come_under_is_the_attacker_s(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    coded = code(annotate_text, sentence)
    assert_coded(coded, expected)
    assert len([r for r in coded.stances if r.source == expected.source]) == 1  # not also the place it happened


def test_caving_in_to_demands_concedes_to_who_made_them(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Hungary caved in to German demands and lifted its veto.")
    assert_coded(coded, Coded("country:HUN", "country:DEU", (E.CONCEDE,)))


def test_the_agent_of_a_passive_may_hang_on_its_clause(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Vietnamese fishing boats were prevented from entering the bay by Chinese warships.")
    assert_coded(coded, Coded("country:CHN", "country:VNM", (E.COERCE, E.REJECT)))


def test_calls_to_act_are_requests_of_those_who_made_them(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Belarus dismissed calls from Poland and Lithuania to free political prisoners.")
    for caller in ("country:POL", "country:LTU"):
        assert_coded(coded, Coded(caller, "country:BLR", (E.REQUEST,)))
        assert_coded(coded, Coded("country:BLR", caller, (E.REJECT,)))


def test_a_deadline_given_is_an_ultimatum(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text, "Burkina Faso's junta gave the French oil firm TotalEnergies 72 hours to settle its taxes."
    )
    assert_coded(coded, Coded("country:BFA", "org:totalenergies", (E.THREATEN,), ("government", "business")))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # lawmakers make laws, not goods
            "Kenyan students marched against a pay rise for lawmakers.",
            Coded("country:KEN", "country:KEN", (E.PROTEST,), ("protesters", "legislature")),
        ),
        (  # the head of a state's treasury named with its country speaks for that state
            "U.S. Treasury Secretary Janet Yellen warned Chinese banks against helping Russia.",
            Coded("country:USA", "country:CHN", (E.THREATEN,), ("government", "business")),
        ),
        (  # people at a body of their own kind act for it
            "Judges at the European Court of Human Rights condemned Turkey over the jailing of a journalist.",
            Coded("org:european-court-of-human-rights", "country:TUR", (E.ACCUSE,)),
        ),
    ],
)
def test_who_people_act_for(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A Turkish soldier was shot and wounded by PKK militants near the Iraqi border.",
         Coded("org:pkk", "country:TUR", (E.ASSAULT,), ("rebels", "military"))),
        ("A Polish diplomat was declared persona non grata by Belarus.",
         Coded("country:BLR", "country:POL", (E.SANCTION,))),
    ],
)  # fmt: skip
def test_the_agent_of_a_passive_may_hang_on_its_conjunct_or_complement(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_reaction_in_a_relative_clause_answers_every_doer(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Chile and Peru suspended flights to Venezuela, a move Caracas denounced as hostile.")
    for doer in ("country:CHL", "country:PER"):
        assert_coded(coded, Coded("country:VEN", doer, (E.ACCUSE,)))


def test_two_leaders_the_parser_ran_together_are_each_a_party(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text,
        "Brazilian President Luiz Inacio Lula da Silva and Chilean President Gabriel Boric agreed on Monday "
        "to build a highway.",
    )
    assert_coded(coded, Coded("country:BRA", "country:CHL", (E.AGREE,)))
    assert_coded(coded, Coded("country:CHL", "country:BRA", (E.AGREE,)))
