"""Pairs linked through event nouns, listed members, "the two", demands answered and relative clauses."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

OCCASIONS = [
    pytest.param(
        "Japan pledged new aid to Vietnam after a visit by the Vietnamese prime minister to Tokyo.",
        Coded("country:VNM", "country:JPN", (E.CONSULT,)),
        id="a-visit-the-pledge-followed",
    ),
    pytest.param(
        "Turkey threatened Syria with sanctions following a visit by Iranian officials to Damascus.",
        Coded("country:IRN", "country:SYR", (E.CONSULT,)),
        id="a-visit-beside-a-threat",
    ),
    pytest.param(
        "France called for a ceasefire after a meeting between Macron and the Lebanese prime minister.",
        Coded("country:LBN", "country:FRA", (E.CONSULT,)),
        id="a-meeting-beside-a-call",
    ),
]

MEMBERS = [
    pytest.param(
        "Iran freed six detainees, among them a French teacher, after months of talks.",
        Coded("country:IRN", "country:FRA", (E.RETREAT,)),
        id="among-them-hung-on-the-verb",
    ),
    pytest.param(
        "Venezuela released ten foreign prisoners, including three American citizens.",
        Coded("country:VEN", "country:USA", (E.RETREAT,)),
        id="including",
    ),
    pytest.param(
        "Russian forces captured several foreign fighters, among them a British volunteer, near Kharkiv.",
        Coded("country:RUS", "country:GBR", (E.COERCE,)),
        id="among-them-hung-on-the-member",
    ),
    pytest.param(
        "Myanmar's junta deported dozens of aid workers, including a Japanese doctor and an Australian nurse.",
        Coded("country:MMR", "country:AUS", (E.COERCE,)),
        id="including-inside-a-quantity",
    ),
    pytest.param(
        "Several African states, including Chad and Niger, condemned Gabon's military rulers.",
        Coded("country:TCD", "country:GAB", (E.ACCUSE,)),
        id="members-of-the-subject-act",
    ),
]

PAIRS = [
    pytest.param(
        "The Egyptian foreign minister met his Qatari counterpart in Doha on Sunday. The two discussed the truce.",
        Coded("country:QAT", "country:EGY", (E.CONSULT,)),
        id="the-two-standing-alone",
    ),
    pytest.param(
        "Japan's defence minister met his Australian counterpart; the two agreed to expand joint drills.",
        Coded("country:AUS", "country:JPN", (E.AGREE, E.CONSULT)),
        id="the-two-after-a-semicolon",
    ),
]

ANSWERED = [
    pytest.param(
        "Rwanda rejected criticism from Belgium over its role in eastern Congo.",
        Coded("country:BEL", "country:RWA", (E.ACCUSE,)),
        id="criticism-rejected",
    ),
    pytest.param(
        "Serbia denied charges by Kosovo that it was arming militants.",
        Coded("country:XKX", "country:SRB", (E.ACCUSE,)),
        id="charges-denied",
    ),
    pytest.param(
        "Canada backed a demand by Denmark for Russia to return the seized ship.",
        Coded("country:DNK", "country:RUS", (E.REQUEST,)),
        id="a-demand-for-someone-to-act",
    ),
    pytest.param(
        "Germany backed France's call on Russia to withdraw its troops.",
        Coded("country:FRA", "country:RUS", (E.REQUEST,)),
        id="a-call-on-someone-to-act",
    ),
    pytest.param(
        "Kenya welcomed an offer from Turkey to train its police.",
        Coded("country:TUR", "country:KEN", (E.AGREE,)),
        id="an-offer-is-made-to-whoever-welcomes-it",
    ),
    pytest.param(
        "Paris criticised a decision by Mali to expel the French ambassador.",
        Coded("country:MLI", "country:FRA", (E.SANCTION,)),
        id="a-decision-by-someone-to-act",
    ),
]

CLAUSES = [
    pytest.param(
        "The EU lifted the sanctions it had imposed on Belarus in 2021.",
        Coded("org:european-union", "country:BLR", (E.RETREAT,)),
        id="lifted-what-it-had-imposed-on",
    ),
    pytest.param(
        "Kenya withdrew the troops it had sent to Somalia.",
        Coded("country:KEN", "country:SOM", (E.RETREAT,)),
        id="withdrew-what-it-had-sent-to",
    ),
    pytest.param(
        "Washington condemned the treaty that Moscow signed with Pyongyang last year.",
        Coded("country:RUS", "country:PRK", (E.SUPPORT, E.AGREE, E.COOPERATE)),
        id="a-treaty-signed-in-a-relative-clause",
    ),
    pytest.param(
        "The African Union welcomed the accord signed by Gabon and Cameroon in Yaounde.",
        Coded("country:CMR", "country:GAB", (E.SUPPORT, E.AGREE, E.COOPERATE)),
        id="an-accord-signed-by-two",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), OCCASIONS)
def test_an_act_on_the_occasion_of_a_speech_act_happened(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), MEMBERS)
def test_members_named_beside_a_group_take_part(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_member_with_no_name_or_nationality_adds_nobody(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Belarus freed 16 political prisoners, among them a prominent journalist.")
    assert [s.target for s in annotation.stances if s.source == "country:BLR"] == ["group:opposition"]


@pytest.mark.parametrize(("sentence", "expected"), PAIRS)
def test_the_two_are_the_pair_just_named(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), ANSWERED)
def test_whom_a_charge_or_demand_is_aimed_at(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_one_backing_a_demand_is_not_its_addressee(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "France joined calls from Germany for Iran to release detained Europeans.")
    assert relation(annotation, "country:DEU", "country:FRA") is None
    assert_coded(annotation, Coded("country:DEU", "country:IRN", (E.REQUEST,)))


def test_a_call_to_talk_is_a_call(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Erdogan had a phone call with Putin on Tuesday to discuss grain exports.")
    assert_coded(annotation, Coded("country:TUR", "country:RUS", (E.CONSULT,)))


@pytest.mark.parametrize(("sentence", "expected"), CLAUSES)
def test_relative_clauses_take_their_noun_as_object(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_what_is_undone_is_not_coded_again(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "ECOWAS lifted the remaining sanctions it had imposed on Guinea after the coup.")
    assert_coded(annotation, Coded("org:ecowas", "country:GIN", (E.RETREAT,)))
    assert all(s.stance == "cooperative" for s in annotation.stances)


LABELLED_AND_DEFIED = [
    pytest.param(
        "Iran denounced what it described as Israeli aggression against Syria.",
        Coded("country:IRN", "country:ISR", (E.ACCUSE,)),
        id="what-it-described-as",
    ),
    pytest.param(
        "Manila protested what it termed harassment of Philippine fishermen by Chinese coast guard ships.",
        Coded("country:PHL", "country:CHN", (E.ACCUSE,)),
        id="what-it-termed-by",
    ),
    pytest.param(
        "Myanmar's junta refused to release Suu Kyi despite demands by ASEAN leaders.",
        Coded("country:MMR", "org:asean", (E.REJECT,)),
        id="refused-despite-appeals",
    ),
    pytest.param(
        "Israel refused to halt the offensive despite calls from France for a ceasefire.",
        Coded("country:ISR", "country:FRA", (E.REJECT,)),
        id="refused-despite-calls",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), LABELLED_AND_DEFIED)
def test_labelled_acts_and_defied_demands(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)
