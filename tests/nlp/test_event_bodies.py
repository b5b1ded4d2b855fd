"""Names of groups and bodies as analysts code them: a nationality word before a known group's name, a group's
own noun after it, a UN agency named as the UN's, an IGO in a person's title; mislemmatised verbs."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Islamabad warned the Afghan Taliban of retaliation.", Coded("country:PAK", "org:taliban", (E.THREATEN,))),
        (
            "Kenyan troops killed ten Somali al-Shabaab fighters.",
            Coded("country:KEN", "org:al-shabaab", (E.ASSAULT,), ("military", "rebels")),
        ),
        (
            "Mexican soldiers detained two leaders of the Sinaloa cartel.",
            Coded("country:MEX", "org:sinaloa-cartel", (E.COERCE,), ("military", "criminals")),
        ),
        (
            "The UN's World Food Programme delivered flour to Haiti.",
            Coded("org:united-nations", "country:HTI", (E.AID,), ("igo", None)),
        ),
        (
            "IMF Managing Director Kristalina Georgieva met Kenyan Finance Minister John Mbadi in Nairobi.",
            Coded("org:imf", "country:KEN", (E.CONSULT,), ("igo", "government")),
        ),
    ],
)
def test_a_group_or_body_is_coded_under_its_own_name(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_state_body_named_like_an_igo_stays_the_states(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Russian Security Council deputy chairman Dmitry Medvedev warned Estonia.")
    assert_coded(annotation, Coded("country:RUS", "country:EST", (E.THREATEN,)))
    assert relation(annotation, "org:russian-security-council", "country:EST") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A court in Ankara fined the newspaper Cumhuriyet.", Coded("country:TUR", "org:cumhuriyet", (E.COERCE,))),
        (
            "The ICC issued an arrest warrant for Vladimir Putin.",
            Coded("org:icc", "country:RUS", (E.ACCUSE,)),
        ),
    ],
)
def test_fines_and_warrants_are_coded(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)
