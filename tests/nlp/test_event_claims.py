"""An attack claimed after it is told is the claimant's; unnamed attackers give way to it."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


@pytest.mark.parametrize(
    ("text", "claimant", "struck"),
    [
        ("A roadside bomb killed four Nigerian soldiers near Maiduguri on Friday. "
         "Boko Haram claimed responsibility for the attack.", "org:boko-haram", "country:NGA"),
        ("Gunmen stormed a hotel in Mogadishu, killing 12 guests. Al-Shabaab said it had carried out the attack.",
         "org:al-shabaab", "country:SOM"),
        ("A suicide bomber killed nine Afghan policemen in Kabul, and the Islamic State claimed responsibility.",
         "org:islamic-state", "country:AFG"),
    ],
)  # fmt: skip
def test_a_claimed_attack_is_the_claimant_s(annotate_text: Annotate, text: str, claimant: str, struck: str) -> None:
    coded = code(annotate_text, text)
    assert_coded(coded, Coded(claimant, struck, (E.ASSAULT,)))
    assert all(not r.source.startswith("group:") for r in coded.stances if r.event is E.ASSAULT)


def test_a_claim_of_a_new_attack_is_read_where_it_is_told(annotate_text: Annotate) -> None:
    coded = code(
        annotate_text, "Rebels shelled Goma on Monday. Hamas claimed responsibility for a rocket attack on Israel."
    )
    assert relation(coded, "org:hamas", "country:COD") is None


def test_an_attack_told_with_its_doer_is_not_claimed_again(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Israeli jets struck Gaza City overnight. Islamic Jihad claimed responsibility.")
    assert relation(coded, "org:islamic-jihad", "country:PSE") is None
