"""Where the sixth round's rules stop: views stated at a sentence's end, acts that name their own doer,
strikes abroad, killings with no one named, visits, suspensions, people in apposition, protests about
somewhere else, and company names that only end like a people's."""

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


def test_a_view_stated_at_a_sentence_s_end_is_still_the_speaker_s(annotate_text: Annotate) -> None:
    view = code(annotate_text, "Russia poses a direct threat to Europe, Macron said.")
    assert [s for s in view.stances if s.target == "country:RUS" and s.stance == "hostile"]


def test_an_act_that_names_its_own_doer_is_not_the_criticised_party_s(annotate_text: Annotate) -> None:
    condemned = code(annotate_text, "Iran condemned the United States over Israeli strikes on Gaza.")
    assert_coded(condemned, Coded("country:ISR", "country:PSE", (E.ASSAULT,)))
    assert relation(condemned, "country:USA", "country:PSE") is None


def test_a_state_s_strike_on_a_thing_abroad_is_on_that_state(annotate_text: Annotate) -> None:
    struck = code(annotate_text, "Russian missiles struck an apartment block in Dnipro, killing 12 people.")
    assert_coded(struck, Coded("country:RUS", "country:UKR", (E.ASSAULT,)))


def test_a_killing_that_names_no_one_leaves_the_place_s_country(annotate_text: Annotate) -> None:
    raided = code(annotate_text, "Gunmen raided a market in Kidal, killing six.")
    assert relation(raided, "group:rebels", "country:MLI") is not None


def test_ships_arriving_for_a_welcomed_visit_are_no_show_of_force(annotate_text: Annotate) -> None:
    visit = code(annotate_text, "Sri Lanka welcomed the visit as Indian navy ships arrived in Colombo.")
    assert_coded(visit, Coded("country:IND", "country:LKA", (E.CONSULT,)))


def test_people_named_beside_a_plural_are_people_not_a_company(annotate_text: Annotate) -> None:
    detained = code(annotate_text, "Iran detained two journalists, Jane Porter and Ann Lee.")
    assert not [s for s in detained.stances if s.target.startswith("org:")]


def test_a_rally_against_a_war_abroad_is_not_against_the_host(annotate_text: Annotate) -> None:
    rally = code(annotate_text, "Students rallied in London against the war in Gaza.")
    assert relation(rally, "group:protesters", "country:GBR") is None


def test_a_company_name_ending_like_a_people_s_keeps_its_first_word(annotate_text: Annotate) -> None:
    deal = code(annotate_text, "Hitachi ABB signed a deal with India.")
    assert "org:hitachi-abb" in {e.id for e in deal.entities}
