"""Officials coded from what the text says of them: appositions, state bodies, stated countries over the tables."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation

OFFICIALS = [
    pytest.param(
        "Tomas Varga, Slovakia's defence minister, accused Hungary of hoarding artillery shells.",
        Coded("country:SVK", "country:HUN", (E.ACCUSE,), ("government", None)),
        id="apposition-with-a-possessive-country",
    ),
    pytest.param(
        "Daniel Okoro, Nigeria's army chief, warned Niger that any incursion would be answered.",
        Coded("country:NGA", "country:NER", (E.THREATEN,), ("military", None)),
        id="army-chief-in-apposition",
    ),
    pytest.param(
        "Egypt welcomed Jordan's King Abdullah at the presidential palace on Sunday.",
        Coded("country:EGY", "country:JOR", (E.CONSULT, E.SUPPORT)),
        id="a-stated-country-beats-the-tables",
    ),
    pytest.param(
        "President Aurelio Santos accused Madrid on Friday of meddling in Peru's elections.",
        Coded("country:PER", "country:ESP", (E.ACCUSE,), ("government", None)),
        id="a-titled-official-of-the-country-acted-in",
    ),
    pytest.param(
        "Foreign Minister Elena Rossi met Tunisian Prime Minister Karim Haddad in Rome on Monday.",
        Coded("country:ITA", "country:TUN", (E.CONSULT,), ("government", "government")),
        id="not-the-country-of-the-one-met",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), OFFICIALS)
def test_officials_take_the_country_the_text_gives(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_group_s_government_is_its_country_s(annotate_text: Annotate) -> None:
    annotation = code(
        annotate_text, "Iran accused the Taliban government on Monday of cutting the Helmand river's flow."
    )
    assert_coded(annotation, Coded("country:IRN", "country:AFG", (E.ACCUSE,), (None, "government")))


SURNAMES_THE_MODEL_MISSES = [
    pytest.param(
        "Rubio telephoned Jaishankar on Monday to discuss tariffs.",
        Coded("country:USA", "country:IND", (E.CONSULT,)),
        id="sentence-initial-surname-untagged",
    ),
    pytest.param(
        "Pezeshkian met Erdogan in Ankara on Wednesday.",
        Coded("country:IRN", "country:TUR", (E.CONSULT,)),
        id="surname-read-as-an-adjective",
    ),
    pytest.param(
        "Starmer held a phone call with Carney on Tuesday.",
        Coded("country:GBR", "country:CAN", (E.CONSULT,)),
        id="surname-read-as-a-common-noun",
    ),
    pytest.param(
        "Frederiksen held a phone call with Carney on Friday.",
        Coded("country:DNK", "country:CAN", (E.CONSULT,)),
        id="a-surname-the-model-took-for-an-unknown-place",
    ),
    pytest.param(
        "Sheinbaum rejected Washington's demand to let American troops operate in Mexico.",
        Coded("country:MEX", "country:USA", (E.REJECT,)),
        id="surname-of-a-head-of-state",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), SURNAMES_THE_MODEL_MISSES)
def test_a_kept_official_s_surname_is_a_person_though_the_model_missed_it(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    "sentence",
    ["Junior doctors in Wales began a strike on Monday.", "Park rangers in Uganda arrested six poachers."],
)
def test_a_surname_that_modifies_a_noun_is_no_person(annotate_text: Annotate, sentence: str) -> None:
    entities = code(annotate_text, sentence).entities
    assert not [e.id for e in entities if e.id.startswith("person:")]


def test_a_country_the_text_states_outranks_an_office_the_tables_give_later(annotate_text: Annotate) -> None:
    """The tables list Antonio Guterres at the UN; a story from his years as Portugal's prime minister says Portugal."""
    coded = code(
        annotate_text,
        "Portuguese Prime Minister Antonio Guterres met Spanish Prime Minister Jose Maria Aznar in Lisbon.",
    )
    assert_coded(coded, Coded("country:PRT", "country:ESP", (E.CONSULT,)))
    assert relation(coded, "org:united-nations", "country:ESP") is None
