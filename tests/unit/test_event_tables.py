"""The shipped event tables: what the dictionaries give when regenerated, and what the coder looks up in them."""

import gzip
from datetime import date
from pathlib import Path
from typing import get_args

import pytest

from consumers.nlp import event_tables
from consumers.nlp.events.offices import person_country, person_igo
from consumers.nlp.events.sectors import IGO_IDS
from consumers.nlp.folding import fold
from consumers.nlp.training import event_tables as derivation
from consumers.nlp.training.groups import merge_groups, read_groups
from consumers.nlp.training.officials import iso_day, merge_officials, read_officials
from consumers.nlp.training.recent_places import merge_places, read_places
from schemas.events import Sector

PLOVER_EVENTS = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
SECTORS = set(get_args(Sector))


def _text(path: Path) -> str:
    raw = path.read_bytes()
    return (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")


@pytest.mark.skipif(
    not derivation.DEFAULT_DATA.is_dir(),
    reason=f"the PETRARCH2/PLOVER dictionaries are not at {derivation.DEFAULT_DATA}",
)
def test_regenerating_from_the_dictionaries_gives_the_shipped_tables(tmp_path: Path) -> None:
    derivation.main(["--data", str(derivation.DEFAULT_DATA), "--out", str(tmp_path)])
    for name in (derivation.VERBS_TABLE, derivation.AGENTS_TABLE, derivation.ACTORS_TABLE):
        assert _text(tmp_path / name) == _text(event_tables.DATA_DIR / name), f"{name} is stale: regenerate it"


def test_the_command_names_a_missing_dictionary_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(SystemExit) as raised:
        derivation.main(["--data", str(missing), "--out", str(tmp_path / "out")])
    assert raised.value.code == 2
    assert capsys.readouterr().err.startswith(f"event tables: not found: {missing}. Point --data-dir")


def test_verbs_carry_their_plover_event() -> None:
    verbs = event_tables.verb_lexicon().verbs
    assert verbs["attack"].event == "ASSAULT"
    assert verbs["arrest"].event == "COERCE" and verbs["arrest"].mode == "arrest"
    assert verbs["meet"].event == "CONSULT"
    assert verbs["condemn"].event == "ACCUSE"
    assert verbs["appeal"].event == "REQUEST", "CAMEO's appeals (02x) are PLOVER requests"
    assert verbs["crack down"].event == "COERCE", "multi-word verbs are joined with a space"
    assert "hold" not in verbs, "'hold' is no event on its own"
    assert {verb.event for verb in verbs.values()} <= PLOVER_EVENTS
    assert not [lemma for lemma, verb in verbs.items() if verb.code.startswith("01")], "01x statements are no events"
    assert all(lemma == lemma.lower().strip() and "_" not in lemma for lemma in verbs)


def test_patterns_change_the_event_a_verb_has_alone() -> None:
    lexicon = event_tables.verb_lexicon()

    def events(lemma: str, word: str, prep: str | None = None) -> set[str]:
        return {
            pattern.event
            for pattern in lexicon.patterns.get(lemma, ())
            if word in pattern.words and (prep is None or pattern.prep == prep)
        }

    assert lexicon.verbs["expel"].event == "COERCE", "CAMEO codes a bare 'expel' as deporting people (174)"
    assert "SANCTION" in events("expel", "diplomat"), "expelling diplomats breaks relations (161)"
    assert "CONSULT" in events("hold", "talk")
    for lemma, patterns in lexicon.patterns.items():
        own = lexicon.verbs.get(lemma)
        assert all(pattern.event in PLOVER_EVENTS for pattern in patterns)
        assert own is None or all(pattern.event != own.event for pattern in patterns), lemma


def test_agents_name_sectors_in_singular_and_plural() -> None:
    agents = event_tables.agent_sectors()
    assert agents["police"] == "police" and agents["policemen"] == "police"
    assert agents["warplane"] == agents["warplanes"] == "military"
    assert agents["soldiers"] == "military"
    assert agents["rebels"] == "rebels"
    assert agents["protesters"] == agents["demonstrator"] == "protesters", "PLOVER's sector, not opposition"
    assert agents["congresswomen"] == "legislature", "!PERSON! expands"
    assert set(agents.values()) <= SECTORS


def test_people_have_countries_sectors_and_dated_terms() -> None:
    actors = event_tables.known_actors()
    assert len(actors.people) > 5000
    putin = actors.person_on("vladimir putin")
    assert putin is not None and (putin.country, putin.sector) == ("RUS", "government")
    merkel = actors.person_on("angela merkel", date(2010, 1, 1))
    assert merkel is not None and merkel.country == "DEU"
    lavrov = actors.person_on("sergey lavrov", "2012-06-01")
    assert lavrov is not None and lavrov.country == "RUS"
    assert actors.person_on("sergey lavrov", date(1980, 1, 1)) is None, "no term covers 1980 and none is undated"
    massoud = actors.person_on("ahmed shah massoud", date(1995, 1, 1))
    assert massoud is not None and (massoud.country, massoud.sector) == ("AFG", "rebels")
    assert "president vladimir putin" not in actors.people, "titled synonyms are not full names"
    assert "kabul" not in actors.people and "afghanistan" not in actors.people
    terms = [term for found in actors.people.values() for term in found]
    assert {term.sector for term in terms} <= SECTORS
    assert all(len(term.country) == 3 or term.country in IGO_IDS for term in terms), "ISO3, or an IGO for its head"


def test_groups_have_a_sector_and_a_country_where_they_belong_to_one() -> None:
    groups = event_tables.known_actors().groups
    assert groups["hamas"] == event_tables.Group("PSE", "rebels")
    assert groups["taliban"] == event_tables.Group("AFG", "rebels")
    assert groups["nato"] == event_tables.Group(None, "igo")
    assert groups["amnesty international"].sector == "ngo"
    assert groups["kremlin"] == event_tables.Group("RUS", "government")
    assert groups["dflp"] == groups["democratic front for the liberation of palestine"], "acronyms are keys too"
    assert "direct action" in groups and "greece" not in groups
    assert {group.sector for group in groups.values()} <= SECTORS


def test_office_holders_since_2015_are_dated_and_win_from_their_first_term() -> None:
    actors = event_tables.known_actors()
    macron = actors.person_on("emmanuel macron", "2024-06-01")
    assert macron is not None and (macron.country, macron.sector) == ("FRA", "government")
    scholz = actors.person_on("olaf scholz", "2023-01-01")
    assert scholz is not None and scholz.country == "DEU", "the dictionary's term stopped in 2009"
    assert actors.person_on("olaf scholz", "2026-01-01") is None, "out of office: no country"
    rutte = actors.person_on("mark rutte", "2025-03-01")
    assert rutte is not None and (rutte.country, rutte.sector) == ("org:nato", "igo")
    dutch = actors.person_on("mark rutte", "2015-03-01")
    assert dutch is not None and dutch.country == "NLD"
    guterres = actors.person_on("antónio guterres", "2020-01-01")
    assert guterres is not None and guterres.country == "org:united-nations"
    assert actors.person_on("antonio guterres", "2020-01-01") == guterres, "accents folded, as for the dictionaries"
    old = actors.person_on("antonio guterres", "2000-01-01")
    assert old is not None and old.country == "PRT", "the dictionary still speaks for the years before"
    assert actors.person_on("volodymyr zelenskyy", "2025-01-01") == actors.person_on("volodymyr zelensky", "2025-01-01")


def test_surnames_and_one_word_names_reach_the_officials_in_office() -> None:
    assert person_country("Macron", "2024-06-01") == "country:FRA"
    assert person_country("Modi", "2024-06-01") == "country:IND"
    assert person_country("Lula", "2024-06-01") == "country:BRA", "a one-word name the table lists"
    assert person_igo("Rutte", "2025-03-01") == "org:nato" and person_country("Rutte", "2025-03-01") is None
    assert person_country("Rutte", "2020-03-01") == "country:NLD"
    assert person_country("Sánchez", "2024-06-01") == person_country("Sanchez", "2024-06-01"), "one surname"


def test_the_officials_table_reads_partial_dates_and_cuts_the_dictionary_terms(tmp_path: Path) -> None:
    assert iso_day("2015", end=False) == "2015-01-01" and iso_day("2024-02", end=True) == "2024-02-29"
    table = tmp_path / "officials.tsv"
    table.write_text(
        "# comment\nname\tcountry\tsector\tfrom\tto\trole\taliases\n"
        "Jane Roe\tFRA\tgovernment\t2016-05\t\tMinister\tJané Roe\n",
        encoding="utf-8",
    )
    officials = read_officials(table)
    assert set(officials) == {"jane roe", "jané roe"}
    people = {
        "jane roe": [
            {"country": "DEU", "sector": "government", "from": None, "to": None},
            {"country": "DEU", "sector": "military", "from": "2017-01-01", "to": None},
        ]
    }
    merged = merge_officials(people, officials)
    assert merged["jane roe"] == [
        {"country": "DEU", "sector": "government", "from": None, "to": "2016-04-30"},
        {"country": "FRA", "sector": "government", "from": "2016-05-01", "to": None, "source": "officials"},
    ]


def test_every_dictionary_spelling_of_a_listed_name_is_cut(tmp_path: Path) -> None:
    table = tmp_path / "officials.tsv"
    table.write_text(
        "name\tcountry\tsector\tfrom\tto\trole\taliases\nJan Kowalczyk\tPOL\tgovernment\t2018\t\tMinister\t\n",
        encoding="utf-8",
    )
    old = {"country": "POL", "sector": "government", "from": "2005-01-01", "to": None}
    people = {"jan kowałczyk": [old], "jån kowalczyk": [old], "jan kowalski": [old]}
    merged = merge_officials(people, read_officials(table))
    for spelling in ("jan kowałczyk", "jån kowalczyk"):  # ł and å fold away: the same person
        assert merged[spelling][0]["to"] == "2017-12-31" and merged[spelling][-1]["source"] == "officials"
    assert merged["jan kowalski"] == [old], "another name keeps its terms"


def test_folding_covers_letters_without_a_combining_mark() -> None:
    assert fold("Binali Yıldırım") == "Binali Yildirim" and fold("Jonas Gahr Støre") == "Jonas Gahr Store"
    assert fold("radosław błaszczak") == "radoslaw blaszczak" and fold("đukanović") == "dukanovic"
    assert fold("Strauß Ærø") == "Strauss Aero"
    for name in ("binali yildirim", "jonas gahr store", "lars lokke rasmussen", "radoslaw sikorski"):
        latest = max(event_tables.known_actors().people[name], key=lambda term: term.start or "")
        assert latest.kept, f"{name}: the officials table's spelling folds to the dictionary's key"


@pytest.mark.parametrize(
    ("rows", "error"),
    [
        (
            "Jane Roe\tFRA\tgovernment\t2016\t\tMinister\tJ. Roe\n"
            "John Roe\tFRA\tgovernment\t2016\t\tMinister\tJ. Roe\n",
            "two",
        ),
        ("Jane Roe\tFRA\tgovernment\t2016-05\t2016-04\tMinister\t\n", "ends before"),
    ],
)
def test_the_officials_table_refuses_a_shared_alias_and_a_backward_term(tmp_path: Path, rows: str, error: str) -> None:
    table = tmp_path / "officials.tsv"
    table.write_text("name\tcountry\tsector\tfrom\tto\trole\taliases\n" + rows, encoding="utf-8")
    with pytest.raises(ValueError, match=error):
        read_officials(table)


def test_a_lone_surname_prefers_the_kept_official_over_a_stale_namesake() -> None:
    assert person_igo("Guterres", "2025-06-01") == "org:united-nations", "not José Luís Guterres (TMP, open)"
    assert person_igo("Kallas", "2025-06-01") == "org:european-union", "not Siim Kallas (undated)"
    assert person_country("Netanyahu", "2025-06-01") == "country:ISR"


def test_a_former_official_named_in_full_is_still_their_country_but_not_by_surname_alone() -> None:
    assert person_country("Yasser Arafat", "2026-06-01") == "country:PSE", "his term ended in 2004"
    assert person_country("Justin Trudeau", "2026-06-01") == "country:CAN"
    assert person_country("Trudeau", "2026-06-01") is None, "a surname stands for officials in office only"


def test_surnames_after_an_article_and_family_names_first_are_indexed() -> None:
    assert person_country("Sharaa", "2025-06-01") == "country:SYR" == person_country("al-Sharaa", "2025-06-01")
    assert person_country("Burhan", "2024-06-01") == "country:SDN"
    assert person_country("Xi", "2024-06-01") == "country:CHN" and person_country("Lai", "2025-06-01") == "country:TWN"
    assert person_country("Lee", "2025-08-01") is None, "a first name of many: ambiguous"


def test_ambiguous_acronyms_are_not_the_recent_groups() -> None:
    groups = event_tables.known_actors().groups
    assert "sdf" not in groups and "rsf" not in groups and "kia" not in groups
    assert groups["syrian democratic forces"].country == "SYR"


def test_the_groups_table_reads_aliases_and_wins_over_the_dictionaries(tmp_path: Path) -> None:
    table = tmp_path / "groups.tsv"
    table.write_text(
        "# note\nname\tcountry\tsector\taliases\nHouthis\tYEM\trebels\tAnsar Allah\nCODECO\t\trebels\t\n",
        encoding="utf-8",
    )
    groups = read_groups(table)
    assert groups["ansar allah"] == {"country": "YEM", "sector": "rebels", "name": "Houthis"}
    assert groups["codeco"] == {"country": None, "sector": "rebels", "name": "CODECO"}
    merged = merge_groups({"ansar allah": {"country": "LBN", "sector": "rebels"}, "hamas": {}}, groups)
    assert merged["ansar allah"]["country"] == "YEM" and "hamas" in merged
    assert event_tables.known_actors().groups["houthis"].country == "YEM"


def test_an_organisation_s_initials_stand_for_its_name_in_full() -> None:
    actors = event_tables.known_actors()
    assert actors.full_name("IMF") == "International Monetary Fund" == actors.full_name("the IMF")
    assert actors.full_name("ICRC") == "Red Cross" and actors.full_name("Ansar Allah") == "Houthis"


def test_places_give_their_current_country() -> None:
    places = event_tables.known_actors().places
    assert places["kharkiv"] == "UKR", "UKRAINE_'s current code, not the Soviet one it had until 1991"
    assert places["karachi"] == "PAK" and places["rafah"] == "PSE"
    assert "ukraine" not in places and "kyiv" not in places, "the gazetteer knows countries and capitals already"
    assert "georgia" not in places, "a name in the people table is no sure place"


def test_the_recent_places_table_fills_the_dictionarys_gaps() -> None:
    places = event_tables.known_actors().places
    assert places["zaporizhzhia"] == "UKR" and places["zaporizhia"] == "UKR"
    assert places["khan younis"] == places["khan yunis"] == places["deir al-balah"] == "PSE"
    assert places["hodeidah"] == places["hudaydah"] == "YEM" and places["el fasher"] == "SDN"
    assert places["goma"] == "COD" and places["tigray"] == "ETH" and places["cabo delgado"] == "MOZ"
    assert "kashmir" not in places, "a disputed area news gives to either side is no sure place"
    assert "kiev" not in places and "the hague" not in places, "the gazetteer's capitals stay its own"


def test_the_recent_places_table_refuses_a_name_in_two_countries(tmp_path: Path) -> None:
    table = tmp_path / "places.tsv"
    table.write_text("name\tcountry\tkind\taliases\nAlpha\tUKR\tcity\tBeta\nBeta\tRUS\tcity\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'beta' names places in two countries"):
        read_places(table)


def test_merged_places_leave_capitals_and_people_to_their_tables(tmp_path: Path) -> None:
    table = tmp_path / "places.tsv"
    table.write_text("name\tcountry\tkind\taliases\nKyiv\tUKR\tcity\tGoma Town\nJane Roe\tUKR\tcity\t\n", "utf-8")
    merged = merge_places({"goma town": "RWA", "mosul": "IRQ"}, read_places(table), {"jane roe"})
    assert merged == {"goma town": "UKR", "mosul": "IRQ"}, "the table wins; a capital or a person is dropped"


def test_dictionary_noise_and_country_initials_are_no_places() -> None:
    places = event_tables.known_actors().places
    assert "korea, north" not in places and "u,s" not in places, "a comma or stray mark names no place"
    assert "uae" not in places, "the gazetteer knows the country by its initials"
    assert not [key for key in places if "\ufffd" in key], "a mis-decoded letter"


def test_a_name_two_countries_share_is_left_to_the_resolver() -> None:
    places = event_tables.known_actors().places
    assert "congo" not in places, "the article's own places pick Kinshasa's or Brazzaville's Congo"
