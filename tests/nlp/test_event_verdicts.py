"""A verdict a speaker passes on another's act is an event toward its doer; forces moving to a border mobilise;
"lashed out at" names whom the charge is aimed at."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Spain's foreign ministry said Russia's bombing of Odesa was unacceptable.",
            Coded("country:ESP", "country:RUS", (E.ACCUSE,)),
        ),
        (
            "Jordan said the Israeli raid on Jenin was a flagrant violation of international law.",
            Coded("country:JOR", "country:ISR", (E.ACCUSE,)),
        ),
        (
            "Egypt described Ethiopia's filling of the dam as a provocation.",
            Coded("country:EGY", "country:ETH", (E.ACCUSE,)),
        ),
        (
            "The African Union said the truce between Sudan and South Sudan was a positive step.",
            Coded("org:african-union", "country:SDN", (E.SUPPORT,)),
        ),
    ],
)
def test_a_verdict_on_an_act_is_an_event_toward_its_doer(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    "sentence",
    [
        "Spain's foreign ministry said Russia's bombing of Odesa was not illegal.",
        "Spain's foreign ministry said Russia's bombing of Odesa was carried out at night.",
    ],
)
def test_no_verdict_no_charge(annotate_text: Annotate, sentence: str) -> None:
    found = relation(code(annotate_text, sentence), "country:ESP", "country:RUS")
    assert found is None or found.event is not E.ACCUSE


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Beijing lashed out at Canberra on Friday.", Coded("country:CHN", "country:AUS", (E.ACCUSE,))),
        ("Ankara hit out at Stockholm over the protests.", Coded("country:TUR", "country:SWE", (E.ACCUSE,))),
    ],
)
def test_lashing_out_at_a_capital_accuses_its_state(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Thousands of Azerbaijani troops were moving toward the Armenian border.",
            Coded("country:AZE", "country:ARM", (E.MOBILIZE,), ("military", None)),
        ),
        ("India sent thousands of troops to the Chinese border.", Coded("country:IND", "country:CHN", (E.MOBILIZE,))),
    ],
)
def test_forces_moved_to_a_border_mobilise_against_its_state(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_troops_sent_into_a_country_are_aid(annotate_text: Annotate) -> None:
    assert_coded(code(annotate_text, "Rwanda sent thousands of troops to Mozambique."),
                 Coded("country:RWA", "country:MOZ", (E.AID,)))  # fmt: skip


def test_embassy_staff_ordered_out_are_an_expulsion_of_diplomats(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Mali ordered nine Swedish embassy staff to leave the country.")
    assert_coded(annotation, Coded("country:MLI", "country:SWE", (E.SANCTION,), (None, "government")))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lula called Netanyahu a war criminal.", Coded("country:BRA", "country:ISR", (E.ACCUSE,))),
        ("Erdogan called Putin a true friend.", Coded("country:TUR", "country:RUS", (E.SUPPORT,))),
        ("The Kremlin told Kyiv to withdraw its forces.", Coded("country:RUS", "country:UKR", (E.REQUEST,))),
        (
            "Tehran vowed to make Washington pay a heavy price.",
            Coded("country:IRN", "country:USA", (E.THREATEN,)),
        ),
        ("Hungary paused military cooperation with Serbia.", Coded("country:HUN", "country:SRB", (E.SANCTION,))),
        ("Niger left the African Union.", Coded("country:NER", "org:african-union", (E.SANCTION,))),
        ("Latvia declared a Russian embassy official persona non grata.",
         Coded("country:LVA", "country:RUS", (E.SANCTION,))),
        ("Houthi rebels handed three Thai hostages to Omani mediators.",
         Coded("org:houthis", "country:THA", (E.RETREAT,))),
    ],
)  # fmt: skip
def test_what_a_party_is_called_told_or_vowed(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_phone_call_on_a_day_is_no_demand(annotate_text: Annotate) -> None:
    assert_coded(code(annotate_text, "Macron called Modi on Tuesday."),
                 Coded("country:FRA", "country:IND", (E.CONSULT,)))  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Italian police arrested nine men suspected of trafficking migrants.",
            Coded("country:ITA", "group:criminals", (E.COERCE,), ("police", "criminals")),
        ),
        (
            "Iraqi troops clashed with Yazidi militias near Sinjar.",
            Coded("country:IRQ", "group:rebels", (E.ASSAULT,)),
        ),
    ],
)
def test_unnamed_groups_take_their_sector(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Zambian police detained opposition leader Hakainde Hichilema on Monday.",
            Coded("country:ZMB", "country:ZMB", (E.COERCE,), ("police", "opposition")),
        ),
        (
            "Boko Haram vowed to step up its attacks on Nigerian troops.",
            Coded("org:boko-haram", "country:NGA", (E.THREATEN,)),
        ),
        ("Armenia sent tanks to its border with Azerbaijan.", Coded("country:ARM", "country:AZE", (E.MOBILIZE,))),
        (
            "Tehrik-i-Taliban Pakistan threatened Pakistan's ruling party.",
            Coded("org:tehrik-i-taliban-pakistan", "country:PAK", (E.THREATEN,)),
        ),
    ],
)
def test_titles_promises_and_spellings(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_state_and_its_opposition_acting_together_act_on_each_other(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Zimbabwean President Robert Mugabe and opposition leader Morgan Tsvangirai "
                                     "signed a power-sharing deal.")  # fmt: skip
    domestic = {(r.source_sector, r.target_sector, r.stance) for r in annotation.stances
                if (r.source, r.target) == ("country:ZWE", "country:ZWE")}  # fmt: skip
    assert {("government", "opposition", "cooperative"), ("opposition", "government", "cooperative")} <= domestic
