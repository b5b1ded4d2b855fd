"""Who acts on whom: passive agents, treaty signers, talks with a counterpart, recipients and those allowed."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

PAIRS = [
    pytest.param(
        "A fisheries accord was agreed by Norway and Iceland on Friday.",
        Coded("country:ISL", "country:NOR", (E.AGREE,)),
        id="passive-agents-agree-with-each-other",
    ),
    pytest.param(
        "Ecuador and Peru signed a treaty on their river border on Monday.",
        Coded("country:PER", "country:ECU", (E.SUPPORT,)),
        id="signers-of-a-treaty-each-with-the-other",
    ),
    pytest.param(
        "Chile's foreign minister held talks with his Argentine counterpart in Santiago on Tuesday.",
        Coded("country:ARG", "country:CHL", (E.CONSULT,), ("government", "government")),
        id="talks-with-a-counterpart-go-both-ways",
    ),
]

RECIPIENTS = [
    pytest.param(
        "Canada provided Moldova with armoured ambulances on Friday.",
        Coded("country:CAN", "country:MDA", (E.AID,)),
        id="provided-the-recipient-with-aid",
    ),
    pytest.param(
        "Thailand allowed Myanmar refugees to remain in border camps until March.",
        Coded("country:THA", "country:MMR", (E.CONCEDE,), (None, "civilians")),
        id="allowed-them-to",
    ),
    pytest.param(
        "Greece demanded that Turkey withdraw its survey ship from disputed waters.",
        Coded("country:GRC", "country:TUR", (E.REQUEST,)),
        id="demanded-that-they-do",
    ),
    pytest.param(
        "Armenian troops were sent to the Azerbaijani border on Monday.",
        Coded("country:ARM", "country:AZE", (E.MOBILIZE,), ("military", None)),
        id="troops-sent-to-a-border-mobilise",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), PAIRS)
def test_shared_acts_go_both_ways(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_talks_with_others_are_the_host_s(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Peru held talks with Bolivia in Lima on Monday.")
    assert relation(annotation, "country:BOL", "country:PER") is None


@pytest.mark.parametrize(("sentence", "expected"), RECIPIENTS)
def test_who_receives_or_is_let(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_an_offer_turned_down_is_not_coded(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Venezuela rejected a Colombian offer of mediation on Monday.")
    assert relation(annotation, "country:COL", "country:VEN") is None
    assert_coded(annotation, Coded("country:VEN", "country:COL", (E.REJECT,)))


GIVEN_AND_ORDERED = [
    pytest.param(
        "Moldova was given armoured vehicles by Romania on Monday.",
        Coded("country:ROU", "country:MDA", (E.AID,)),
        id="the-passive-recipient-of-a-gift",
    ),
    pytest.param(
        "The Houthis released the crew of a Panamanian freighter on Friday.",
        Coded("org:houthis", "country:PAN", (E.RETREAT,)),
        id="a-crew-released",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), GIVEN_AND_ORDERED)
def test_gifts_and_releases(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_the_act_one_is_blamed_for_is_the_blamed_one_s(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Poland criticized Belarus for its repeated threats against Lithuania.")
    assert_coded(annotation, Coded("country:BLR", "country:LTU", (E.THREATEN,)))
    assert relation(annotation, "country:POL", "country:LTU") is None


@pytest.mark.parametrize(
    ("sentence", "partners", "opponent"),
    [
        ("Lithuania and Latvia agreed to defend their airspace against Belarus.", ("country:LTU", "country:LVA"),
         "country:BLR"),
        ("Kenya and Ethiopia agreed to work together against Somalia's militias.", ("country:KEN", "country:ETH"),
         "country:SOM"),
    ],
)  # fmt: skip
def test_a_party_an_act_is_against_is_never_its_beneficiary(
    annotate_text: Annotate, sentence: str, partners: tuple[str, str], opponent: str
) -> None:
    annotation = code(annotate_text, sentence)
    coded = [(s.source, s.target, s.stance) for s in annotation.stances]
    assert relation(annotation, *partners) is not None, coded
    assert not [c for c in coded if c[1] == opponent and c[2] == "cooperative"], coded


def test_dropping_charges_against_someone_still_concedes_to_them(annotate_text: Annotate) -> None:
    sentence = "Moroccan prosecutors dropped the charges against four opposition activists."
    assert relation(code(annotate_text, sentence), "country:MAR", "group:opposition") is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "France and Britain launched air strikes on Islamic State positions on Monday.",
        "Jordanian and Egyptian jets bombed Islamic State camps.",
    ],
)
def test_partners_attacking_together_do_not_attack_each_other(annotate_text: Annotate, sentence: str) -> None:
    annotation = code(annotate_text, sentence)
    coded = [(s.source, s.target) for s in annotation.stances]
    assert [c for c in coded if c[1] == "org:islamic-state"], coded
    assert not [c for c in coded if c[0].startswith("country:") and c[1].startswith("country:")], coded


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("Kyrgyz and Tajik border guards clashed near the disputed enclave.", "country:KGZ", "country:TJK"),
        ("Afghan and Iranian troops shelled each other's posts for an hour.", "country:AFG", "country:IRN"),
    ],
)
def test_fighting_between_two_sides_goes_both_ways(
    annotate_text: Annotate, sentence: str, first: str, second: str
) -> None:
    annotation = code(annotate_text, sentence)
    assert relation(annotation, first, second) is not None and relation(annotation, second, first) is not None
