"""Replies and reactions told later (a refusal answers the asker), expulsions, and idioms of acts ("drove out")."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        ("Chile asked Bolivia on Monday to extradite a former minister. La Paz refused two days later.",
         Coded("country:BOL", "country:CHL", (E.REJECT,))),
        ("Japan urged South Korea to lift its ban on seafood imports. Seoul agreed.",
         Coded("country:KOR", "country:JPN", (E.AGREE, E.CONCEDE))),
    ],
)  # fmt: skip
def test_a_reply_naming_no_one_answers_whoever_asked(annotate_text: Annotate, passage: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, passage), expected)


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        ("The European Union banned imports of Belarusian potash on Tuesday. Minsk condemned the measures as theft.",
         Coded("country:BLR", "org:european-union", (E.ACCUSE,))),
        ("Russia launched naval drills near Japan on Friday. Tokyo denounced the exercises.",
         Coded("country:JPN", "country:RUS", (E.ACCUSE,))),
    ],
)  # fmt: skip
def test_the_measures_or_exercises_condemned_are_those_just_told(
    annotate_text: Annotate, passage: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, passage), expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nicaragua ordered the Dutch ambassador out of Managua after the Netherlands cut aid.",
         Coded("country:NIC", "country:NLD", (E.SANCTION,))),
        ("Thousands of Afghan migrants were turned back by Iranian border guards near Herat.",
         Coded("country:IRN", "country:AFG", (E.COERCE,), ("police", "civilians"))),
    ],
)  # fmt: skip
def test_expelled_or_turned_back(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Poland accused Brussels of blackmail over frozen recovery funds.",
         Coded("country:POL", "org:european-union", (E.ACCUSE,))),
        ("Ethiopian troops drove Tigrayan fighters out of the town of Alamata.",
         Coded("country:ETH", "group:rebels", (E.ASSAULT,))),
        ("Venezuela let United Nations monitors back into its prisons on Monday.",
         Coded("country:VEN", "org:united-nations", (E.CONCEDE,))),
        ("Azerbaijan prepared for a new offensive against Armenian forces in Karabakh.",
         Coded("country:AZE", "country:ARM", (E.MOBILIZE,))),
    ],
)  # fmt: skip
def test_idioms_of_acts(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Belgian police arrested three Moroccan men in Brussels.", Coded("country:BEL", "country:MAR", (E.COERCE,))),
        ("Thousands of Belgian nurses marched through Brussels on Monday.",
         Coded("country:BEL", "country:BEL", (E.PROTEST,), ("health", "government"))),
    ],
)  # fmt: skip
def test_brussels_named_as_a_place_is_belgium_s(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    coded = code(annotate_text, sentence)
    assert_coded(coded, expected)
    assert all(r.source != "org:european-union" and r.target != "org:european-union" for r in coded.stances)


def test_a_charge_dismissed_as_baseless_is_the_accuser_s_against_whom_it_names(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text, "Tehran dismissed as baseless accusations by Bahrain that Iranian agents planned the bombing."
    )
    assert_coded(coded, Coded("country:BHR", "country:IRN", (E.ACCUSE,)))
    assert_coded(coded, Coded("country:IRN", "country:BHR", (E.REJECT,)))


def test_a_denied_report_is_no_charge_against_the_denier_s_own_troops(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Officials in Baku denied reports that Azerbaijani troops shelled a border village.")
    assert coded.stances == []  # a report denied is no event, and no charge of Azerbaijan against itself


@pytest.mark.parametrize(
    "sentence",
    ["Hundreds of M23 fighters handed over their weapons to Congo's army.",
     "Kachin rebels handed over their rifles to Myanmar's army."],
)  # fmt: skip
def test_fighters_handing_over_their_weapons_disarm(annotate_text: Annotate, sentence: str) -> None:
    assert all(r.event is not E.AID for r in code(annotate_text, sentence).stances)


@pytest.mark.parametrize(
    "passage",
    ["The United States urged Russia to pull back its troops. Moscow deployed 10,000 more troops near the border.",
     "NATO urged Serbia to de-escalate. Belgrade sent troops to the boundary with Kosovo."],
)  # fmt: skip
def test_troops_moved_after_a_demand_are_no_aid_to_whoever_demanded(annotate_text: Annotate, passage: str) -> None:
    assert all(r.event is not E.AID for r in code(annotate_text, passage).stances)


@pytest.mark.parametrize(
    "sentence", ["Israel let the ceasefire lapse on Sunday.", "Turkey let Sweden's NATO bid stall for months."]
)
def test_letting_a_thing_happen_concedes_to_no_one(annotate_text: Annotate, sentence: str) -> None:
    assert all(r.event is not E.CONCEDE for r in code(annotate_text, sentence).stances)


def test_arms_handed_over_are_military_aid(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Norway has handed over two more air defence systems to Ukraine's army.")
    assert_coded(coded, Coded("country:NOR", "country:UKR", (E.AID,)))
    assert relation(coded, "country:NOR", "country:UKR").mode == "military"


def test_troops_sent_at_a_request_are_aid_to_whoever_asked(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text, "Gambia asked Senegal for help against the mutineers. Dakar dispatched 700 peacekeepers."
    )
    assert_coded(coded, Coded("country:SEN", "country:GMB", (E.AID,)))
