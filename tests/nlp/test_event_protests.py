"""Protests, arrests and idioms: the country a capital or a nationality gives, the kind a modifier names."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

CASES = [
    pytest.param(
        "Protesters in Lima marched on parliament on Thursday against a new pension law.",
        Coded("group:protesters", "country:PER", (E.PROTEST,), ("protesters", "legislature")),
        id="a-capital-names-the-parliament-s-country",
    ),
    pytest.param(
        "Chilean pensioners marched on Congress in Valparaiso on Friday.",
        Coded("country:CHL", "country:CHL", (E.PROTEST,), ("protesters", "legislature")),
        id="pensioners-march-on-congress",
    ),
    pytest.param(
        "Greek police arrested 12 members of a cigarette smuggling network on Tuesday.",
        Coded("country:GRC", "group:criminals", (E.COERCE,), ("police", "criminals")),
        id="a-smuggling-network-is-criminals",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_protests_and_arrests(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


IDIOMS = [
    pytest.param(
        "Quito declared Colombia's consul persona non grata on Tuesday.",
        Coded("country:ECU", "country:COL", (E.SANCTION,)),
        id="persona-non-grata-is-an-expulsion",
    ),
    pytest.param(
        "A judge was shot dead by cartel hitmen in Mexico's Jalisco state on Monday.",
        Coded("group:criminals", "country:MEX", (E.ASSAULT,), ("criminals", "judiciary")),
        id="hitmen-of-a-cartel-are-criminals",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), IDIOMS)
def test_idioms_and_kinds(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_accepting_conditions_concedes(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Kenya accepted the World Bank's conditions for a new loan on Friday.")
    assert_coded(annotation, Coded("country:KEN", "org:world-bank", (E.CONCEDE,)))


def test_people_blocking_a_road_protest_and_a_state_blocking_aid_refuses(annotate_text: Annotate) -> None:
    blocked = code(annotate_text, "Serbian students blocked a highway in Belgrade for 24 hours.")
    assert_coded(blocked, Coded("country:SRB", "country:SRB", (E.PROTEST,), ("protesters", "government")))
    refused = code(annotate_text, "Hungary blocked EU military aid to Ukraine.")
    assert_coded(refused, Coded("country:HUN", "country:UKR", (E.REJECT,)))


def test_scrapping_what_set_off_protests_concedes_to_the_protesters(annotate_text: Annotate) -> None:
    scrapped = code(
        annotate_text, "Serbia's government scrapped the lithium mine plan that had sparked weeks of protests."
    )
    assert_coded(scrapped, Coded("country:SRB", "group:protesters", (E.CONCEDE,), ("government", "protesters")))
    assert_coded(scrapped, Coded("group:protesters", "country:SRB", (E.PROTEST,)))


def test_support_voiced_for_someone_the_parser_hung_on_the_verb(annotate_text: Annotate) -> None:
    voiced = code(annotate_text, "Angela Merkel voiced full support for Emmanuel Macron.")
    assert_coded(voiced, Coded("country:DEU", "country:FRA", (E.SUPPORT,)))


def test_bowing_to_the_demands_of_protesting_students_concedes_to_them(annotate_text: Annotate) -> None:
    bowed = code(annotate_text, "Georgia's government bowed to the demands of protesting Georgian students.")
    assert_coded(bowed, Coded("country:GEO", "country:GEO", (E.CONCEDE,), ("government", "protesters")))


def test_what_a_strike_shuts_names_no_one_it_is_against(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text,
        "Ghanaian doctors went on strike over pay, shutting public hospitals in Accra and Kumasi.",
    )
    assert_coded(coded, Coded("country:GHA", "country:GHA", (E.PROTEST,), ("health", "government")))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # people a clause says are protesting are protesters
            "Peruvian police fired tear gas at crowds demonstrating against the new president.",
            Coded("country:PER", "group:protesters", (E.COERCE,), ("police", "protesters")),
        ),
        (  # a crowd no protest was told of is civilians
            "Burmese soldiers opened fire on a crowd in Mandalay.",
            Coded("country:MMR", "group:civilians", (E.ASSAULT,), ("military", "civilians")),
        ),
        (  # the marchers a quantity phrase counts, not the bare people inside it
            "Hundreds of students marching on parliament were detained by Indian police.",
            Coded("country:IND", "group:protesters", (E.COERCE,), ("police", "protesters")),
        ),
    ],
)
def test_crowds_at_a_protest_are_its_protesters(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_the_crowd_after_a_march_is_the_marchers(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text,
        "Thousands of Georgians marched on parliament in Tbilisi. Riot police used water cannon on the crowd.",
    )
    dispersed = [(r.source, r.target, r.source_sector, r.target_sector) for r in coded.stances if r.event is E.COERCE]
    assert dispersed == [("country:GEO", "country:GEO", "police", "protesters")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ghanaian teachers walked off the job on Tuesday.",
        "Hundreds of Argentine students occupied the campus in Buenos Aires.",
        "Nigerian traders shut down markets in Lagos in protest against a new levy.",
    ],
)
def test_walkouts_occupations_and_acts_done_in_protest_are_protests(annotate_text: Annotate, sentence: str) -> None:
    coded = code(annotate_text, sentence)
    found = [r for r in coded.stances if r.event is E.PROTEST and r.source == r.target]
    assert found, [(r.source, r.target, r.event) for r in coded.stances]
    assert found[0].target_sector == "government"  # against their own government
    assert found[0].mode in ("boycott", "demo")


def test_giving_in_to_protests_concedes_to_the_protesters(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text, "Romania's government gave in to weeks of student protests on Monday and agreed to repeal it."
    )
    assert_coded(coded, Coded("country:ROU", "group:protesters", (E.CONCEDE,)))


def test_protests_led_by_a_nation_s_people_are_theirs(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Ghana's government scrapped the levy after weeks of protests led by Ghanaian traders.")
    found = [r for r in coded.stances if r.source == "country:GHA" and r.target == "country:GHA"]
    assert found, [(r.source, r.target, r.event) for r in coded.stances]  # the traders, not unnamed protesters
    assert {found[0].source_sector, found[0].target_sector} == {"government", "business"}  # traders
    assert all(r.target != "group:protesters" and r.source != "group:protesters" for r in coded.stances)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Serbia eased its ban on lithium exports on Monday after months of pressure from the European Union.",
         Coded("country:SRB", "org:european-union", (E.CONCEDE,))),
        ("Under pressure from Washington, Guatemala agreed to send 2,000 police officers to its northern border.",
         Coded("country:GTM", "country:USA", (E.CONCEDE,))),
    ],
)  # fmt: skip
def test_giving_way_under_pressure_concedes_to_whoever_pressed(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)
