"""A hostile reaction an act prompted, or done in retaliation for it, answers whoever did the act; a force named
as a compound proper noun."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Washington imposed tariffs on Indian goods, prompting New Delhi to protest.",
            Coded("country:IND", "country:USA", (E.ACCUSE, E.PROTEST)),
        ),
        (
            "Israel struck Iranian air defences, prompting Tehran to retaliate.",
            Coded("country:IRN", "country:ISR", (E.ASSAULT,)),
        ),
        (
            "China banned rare earth exports in retaliation for US tariffs.",
            Coded("country:CHN", "country:USA", (E.COERCE, E.SANCTION)),
        ),
        (
            "Beijing imposed sanctions in response to Washington's chip restrictions.",
            Coded("country:CHN", "country:USA", (E.COERCE, E.SANCTION)),
        ),
        (
            "Beijing lodged a strong protest after Japan's defence minister visited Taiwan.",
            Coded("country:CHN", "country:JPN", (E.ACCUSE, E.PROTEST)),
        ),
        (
            "China condemned the move after the Philippines signed a defence pact with Japan.",
            Coded("country:CHN", "country:PHL", (E.ACCUSE,)),
        ),
        (
            "Russia annexed four Ukrainian regions, prompting the EU to impose new sanctions.",
            Coded("org:european-union", "country:RUS", (E.COERCE, E.SANCTION)),
        ),
    ],
)
def test_a_prompted_reaction_answers_the_act(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_prompted_cooperative_act_is_not_aimed_at_the_prompter(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Israel struck targets in Gaza, prompting Qatar to offer mediation.")
    assert_coded(annotation, Coded("country:ISR", "country:PSE", (E.ASSAULT,)))
    assert relation(annotation, "country:QAT", "country:ISR") is None, "an offer may be made to anyone"


def test_a_countrys_coast_guard_tagged_as_a_name_is_its_police(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "China's coast guard rammed a Philippine boat.")
    assert_coded(annotation, Coded("country:CHN", "country:PHL", (E.ASSAULT,), ("police", None)))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Afghan Taliban denied Pakistani claims that militants were operating from Afghan soil.",
            Coded("country:PAK", "org:taliban", (E.ACCUSE,)),
        ),
        (
            "Israel rejected allegations by South Africa that it was committing genocide.",
            Coded("country:ZAF", "country:ISR", (E.ACCUSE,)),
        ),
    ],
)
def test_a_claim_or_allegation_the_one_it_is_about_denies_is_a_charge(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_territorial_claim_is_no_charge(annotate_text: Annotate) -> None:
    assert not code(annotate_text, "China has territorial claims in the South China Sea.").stances


def test_a_condemned_act_named_by_another_word_is_the_near_act_of_its_stance(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text,
        "Algeria deported 2,000 Malians last month, officials said. Mali's government condemned the expulsions.",
    )
    assert_coded(coded, Coded("country:MLI", "country:DZA", (E.ACCUSE,)))


def test_a_criticised_agreement_is_each_signer_s(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text,
        "Japan and the Philippines signed a defence pact on Monday. Beijing criticised the agreement.",
    )
    assert_coded(coded, Coded("country:CHN", "country:JPN", (E.ACCUSE,)))
    assert_coded(coded, Coded("country:CHN", "country:PHL", (E.ACCUSE,)))
