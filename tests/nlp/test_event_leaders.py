"""Leaders acting for their groups, lists the parser misreads, joint ventures, what is supplied, and acts one
is criticised over."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code, relation


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # a group's leader, named with the group in the title, acts for the group
            "Hezbollah leader Naim Qassem warned Israel against a new offensive.",
            Coded("org:hezbollah", "country:ISR", (E.THREATEN,), ("rebels", None)),
        ),
        (  # a list of countries the parser read as a name and its apposition: every one acts
            "Mali, Burkina Faso and Niger expelled French diplomats.",
            Coded("country:BFA", "country:FRA", (E.SANCTION,)),
        ),
        (
            "Mali, Burkina Faso and Niger expelled French diplomats.",
            Coded("country:NER", "country:FRA", (E.SANCTION,)),
        ),
        (  # a joint venture is cooperation both ways
            "Hyundai and Tata set up a joint venture to build batteries.",
            Coded("org:tata", "org:hyundai", (E.COOPERATE,)),
        ),
        (  # "supplied X with Y": X receives, even when X is a group's fighters rather than a name
            "Iran supplied Hezbollah fighters with drones.",
            Coded("country:IRN", "org:hezbollah", (E.AID,)),
        ),
        (  # the arms sale one is criticised over is the criticised party's own
            "Russia criticised Germany over a new arms sale to Ukraine.",
            Coded("country:DEU", "country:UKR", (E.AID,)),
        ),
    ],
)
def test_leaders_lists_ventures_supplies_and_judged_acts(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_an_act_one_is_blamed_for_is_only_alleged(annotate_text: Annotate) -> None:
    blamed = code(annotate_text, "Moscow blamed Kyiv for a drone attack on a refinery.")
    assert_coded(blamed, Coded("country:RUS", "country:UKR", (E.ACCUSE,)))
    assert relation(blamed, "country:UKR", "country:RUS") is None


def test_a_group_s_adjective_names_the_group_its_plural_names(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Houthi fighters attacked a Greek tanker.")
    assert "org:houthis" in {e.id for e in annotation.entities}
    assert "org:houthi" not in {e.id for e in annotation.entities}
