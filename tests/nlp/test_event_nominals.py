"""Event nouns whose parties stand in "between", "with" or "at the request of": both sides, attacker, asker."""

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


def test_fighting_between_two_forces_goes_both_ways(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Skirmishes between Indian and Chinese troops broke out on the disputed frontier.")
    assert_coded(annotation, Coded("country:IND", "country:CHN", (E.ASSAULT,)))
    assert_coded(annotation, Coded("country:CHN", "country:IND", (E.ASSAULT,)))


def test_a_peoples_rebels_are_an_armed_group(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Fierce clashes between Malian soldiers and Tuareg rebels erupted near Kidal.")
    assert_coded(annotation, Coded("country:MLI", "group:rebels", (E.ASSAULT,)))
    assert_coded(annotation, Coded("group:rebels", "country:MLI", (E.ASSAULT,)))


def test_a_route_between_two_capitals_names_no_parties(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Flights between Moscow and Tbilisi resumed on Friday.")
    assert relation(annotation, "country:RUS", "country:GEO") is None


def test_complying_at_a_request_gives_way_to_the_asker(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "At Washington's urging, Israel reopened the Kerem Shalom crossing on Sunday.")
    assert_coded(annotation, Coded("country:USA", "country:ISR", (E.REQUEST,)))
    assert_coded(annotation, Coded("country:ISR", "country:USA", (E.CONCEDE,)))


def test_a_hostile_act_at_a_request_is_no_concession(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Pakistani police arrested the cleric at the request of Saudi Arabia.")
    assert_coded(annotation, Coded("country:SAU", "country:PAK", (E.REQUEST,)))
    assert relation(annotation, "country:PAK", "country:SAU") is None


def test_those_who_died_in_a_clash_with_a_group_were_struck_by_it(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Four Malian soldiers died in fighting with JNIM militants near Timbuktu.")
    assert_coded(annotation, Coded("org:jnim", "country:MLI", (E.ASSAULT,)))
    killed = code(annotate_text, "Two Indian soldiers were killed in a gunfight with militants in Kashmir.")
    assert_coded(killed, Coded("group:rebels", "country:IND", (E.ASSAULT,)))
    assert relation(killed, "country:IND", "group:rebels") is None, "the fallen struck no one"


def test_a_clauses_attackers_struck_the_side_they_fought(annotate_text: Annotate) -> None:
    sentence = "Gang members fled into the hills after a long gun battle with police officers in Port-au-Prince."
    annotation = code(annotate_text, sentence)
    assert_coded(annotation, Coded("group:criminals", "country:HTI", (E.ASSAULT,)))
    assert relation(annotation, "country:HTI", "group:criminals") is None


def test_an_act_done_under_a_deal_with_a_party_is_cooperation_with_it(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Cuba released 553 prisoners under a deal with the Vatican.")
    assert_coded(annotation, Coded("country:CUB", "country:VAT", (E.COOPERATE, E.AGREE)))
