"""Recognition of a state's independence, resolutions by their owner, apologies, closures ordered, ruling
parties, and medical teams sent abroad."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # recognition of "its" independence is of the state it belongs to
            "Kosovo welcomed Chad's recognition of its independence.",
            Coded("country:TCD", "country:XKX", (E.SUPPORT,)),
        ),
        (  # a resolution named after its body is that body's
            "China vetoed a UN Security Council resolution on Myanmar.",
            Coded("country:CHN", "org:united-nations", (E.REJECT,)),
        ),
        (  # ... unless the text says who put it forward
            "Russia vetoed a Security Council draft resolution put forward by Mexico.",
            Coded("country:RUS", "country:MEX", (E.REJECT,)),
        ),
        (  # regret expressed to a people is an apology
            "The Dutch king expressed his deep regrets to Indonesia for the colonial war.",
            Coded("country:NLD", "country:IDN", (E.SUPPORT,)),
        ),
        (
            "Kyrgyzstan's government ordered the closure of the BBC's office in Bishkek.",
            Coded("country:KGZ", "org:bbc", (E.COERCE,)),
        ),
        (  # a ruling party governs
            "Serbia's ruling party withdrew the lithium law after weeks of protests.",
            Coded("country:SRB", "group:protesters", (E.CONCEDE,), ("government", "protesters")),
        ),
    ],
)
def test_recognition_resolutions_apologies_closures_and_rulers(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_medical_brigades_sent_abroad_are_no_show_of_force(annotate_text: Annotate) -> None:
    sent = code(annotate_text, "Cuban medical brigades were dispatched to Haiti.")
    assert not [s for s in sent.stances if s.event is E.MOBILIZE]
