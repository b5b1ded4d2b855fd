"""Readings that must not invent a pair: a crossing is no visit, a taking no gift,
a claim about a third party no charge against the one dismissing it, compliance no reprisal, a department no
country it does not name."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, code


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Hundreds of Afghan migrants made the dangerous journey to Iran.", "country:AFG", "country:IRN"),
        ("Ukrainian troops took weapons from Russian soldiers who had surrendered.", "country:RUS", "country:UKR"),
        ("India dismissed Pakistani claims that Afghanistan shelters militants.", "country:PAK", "country:IND"),
        ("Kenya deployed 400 police officers in response to a request from the United Nations.", "country:KEN",
         "org:united-nations"),
        ("Manila protested. The Justice Department charged three Chinese nationals with spying.", "country:USA",
         "country:CHN"),
    ],
)  # fmt: skip
def test_no_pair_is_invented(annotate_text: Annotate, sentence: str, source: str, target: str) -> None:
    assert relation(code(annotate_text, sentence), source, target) is None
