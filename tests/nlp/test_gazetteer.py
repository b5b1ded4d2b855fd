"""Country, capital, demonym and bloc lookups."""

import pytest

from consumers.nlp.gazetteer import Gazetteer, default_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("US", "GPE", "country:USA"),
        ("U.S.", "GPE", "country:USA"),
        ("the United States", "GPE", "country:USA"),
        ("America", "GPE", "country:USA"),
        ("the States", "GPE", "country:USA"),
        ("Washington", "GPE", "country:USA"),
        ("American", "NORP", "country:USA"),
        ("Chinese", "NORP", "country:CHN"),
        ("China’s", "GPE", "country:CHN"),
        ("Beijing", "GPE", "country:CHN"),
        ("Russian", "NORP", "country:RUS"),
        ("Moscow", "GPE", "country:RUS"),
        ("the Kremlin", "ORG", "country:RUS"),
        ("Kyiv", "GPE", "country:UKR"),
        ("Kiev", "GPE", "country:UKR"),
        ("Britain", "GPE", "country:GBR"),
        ("Ouagadougou", "GPE", "country:BFA"),
        ("Ecuadorean", "NORP", "country:ECU"),  # news spells some demonyms two ways
        ("Salvadorean", "NORP", "country:SLV"),
        ("Burkinabé", "NORP", "country:BFA"),
        ("Belarussian", "NORP", "country:BLR"),
        ("Filipina", "NORP", "country:PHL"),
        ("Western", "NORP", "bloc:west"),
        ("the Western world", None, "bloc:west"),
        ("the West", "LOC", "bloc:west"),
        ("EU", "ORG", "org:european-union"),
        ("NATO", "ORG", "org:nato"),
    ],
)
def test_lookup(gazetteer: Gazetteer, text: str, label: str | None, expected: str) -> None:
    place = gazetteer.lookup(text, label)
    assert place is not None and place.id == expected


@pytest.mark.parametrize(
    ("text", "label"),
    [("Washington", "PERSON"), ("us", "GPE"), ("west", "LOC"), ("Narnia", "GPE"), ("South China Sea", "LOC")],
)
def test_no_lookup(gazetteer: Gazetteer, text: str, label: str) -> None:
    assert gazetteer.lookup(text, label) is None


def test_canonical_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.country("USA").name == "United States"
    assert gazetteer.lookup("Chinese", "NORP") == gazetteer.country("CHN").__class__(
        "country:CHN", "China", gazetteer.country("CHN").type, "demonym"
    )
