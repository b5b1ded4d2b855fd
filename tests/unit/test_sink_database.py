"""The sink's schema on SQLite: idempotent upserts and one indexed query for "hostile between X and Y since D"."""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from consumers.apps.sink import open_database
from consumers.apps.sink.rows import article_row, event_time, stance_row
from consumers.apps.sink.schema import RELATIONS_BETWEEN
from consumers.settings import SinkSettings
from tests.factories import enriched_article, relation, stance_event

MARCH = datetime(2026, 3, 1, tzinfo=UTC)
APRIL = datetime(2026, 4, 1, tzinfo=UTC)


def test_writing_the_same_events_again_changes_nothing(tmp_path: Path) -> None:
    database = open_database(SinkSettings(sqlite_path=tmp_path / "sink.db"))
    article = enriched_article("a1", [relation("country:RUS", "bloc:west", "hostile")])
    event = stance_event("a1", "country:RUS", "bloc:west", "hostile")
    for _ in range(3):
        database.write([article_row(article)], [stance_row(event, 0)])
    assert database.count("articles") == 1 and database.count("stance_events") == 1
    database.migrate()  # idempotent too
    database.close()


def test_hostile_relations_between_a_pair_since_a_date_in_either_direction(tmp_path: Path) -> None:
    database = open_database(SinkSettings(sqlite_path=tmp_path / "sink.db"))
    events = [
        stance_event("old", "country:RUS", "bloc:west", "hostile", published_at=MARCH),
        stance_event("new", "country:RUS", "bloc:west", "hostile", published_at=APRIL),
        stance_event("back", "bloc:west", "country:RUS", "hostile", published_at=APRIL),
        stance_event("kind", "country:RUS", "bloc:west", "cooperative", published_at=APRIL),
        stance_event("other", "country:RUS", "country:USA", "hostile", published_at=APRIL),
    ]
    database.write([], [stance_row(event, 0) for event in events])
    found = database.relations_between("bloc:west", "country:RUS", "hostile", datetime(2026, 3, 15, tzinfo=UTC))
    assert sorted(r.article_id for r in found) == ["back", "new"]
    assert {(r.source, r.target) for r in found} == {("country:RUS", "bloc:west"), ("bloc:west", "country:RUS")}
    assert found[0].event_time == APRIL
    database.close()


def test_the_pair_query_is_one_search_of_the_pair_index(tmp_path: Path) -> None:
    open_database(SinkSettings(sqlite_path=tmp_path / "sink.db")).close()
    with sqlite3.connect(tmp_path / "sink.db") as connection:
        plan = connection.execute(f"EXPLAIN QUERY PLAN {RELATIONS_BETWEEN}", ("a", "b", "hostile", "2026")).fetchall()
    details = [row[-1] for row in plan]
    index = "stance_events_by_pair (pair_low=? AND pair_high=? AND stance=? AND event_time>?)"
    assert details == [f"SEARCH stance_events USING INDEX {index}"], details


def test_event_time_is_the_publication_time_else_the_record_time() -> None:
    assert event_time(APRIL, 0) == APRIL
    assert event_time(None, 1_772_323_200_000) == MARCH
