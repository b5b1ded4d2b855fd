"""``stancewire sink`` against the real broker, into SQLite and into a real PostgreSQL server."""

import asyncio
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiokafka import TopicPartition

from consumers.apps.sink import StorageSink, open_database
from consumers.commands.offsets_reset import committed_offsets
from consumers.core import Enrichment, records_of
from consumers.kafka.reader import topic_partitions
from consumers.settings import Settings, SinkSettings
from tests.factories import enriched_article, relation, stance_event
from tests.integration.conftest import worker_env
from tests.integration.history import produce
from tests.integration.postgres import postgres_dsn, postgres_server  # noqa: F401 - fixtures

APRIL = datetime(2026, 4, 1, tzinfo=UTC)


async def publish_enrichments(settings: Settings, article_ids: list[str], stance: str = "hostile") -> None:
    """What the worker would publish for articles where Russia is hostile toward the West, twice (redelivery)."""
    records = []
    for article_id in article_ids:
        found = [relation("country:RUS", "bloc:west", "hostile"), relation("country:CHN", "country:USA", "cooperative")]
        article = enriched_article(article_id, found, published_at=APRIL)
        events = [
            stance_event(article_id, r.source, r.target, r.stance, published_at=APRIL)  # type: ignore[arg-type]
            for r in found
        ]
        records += records_of(Enrichment(article, events, []))
    await produce(settings, records + records)


async def ends(settings: Settings) -> dict[TopicPartition, int]:
    from consumers.kafka.clients import make_consumer

    topics = [settings.topics.name("enriched"), settings.topics.name("stance")]
    partitions = await topic_partitions(settings.kafka, topics)
    consumer = make_consumer(settings.kafka, None)
    await consumer.start()
    try:
        return {tp: offset for tp, offset in (await consumer.end_offsets(partitions)).items() if offset}
    finally:
        await consumer.stop()


async def stored_offsets(settings: Settings) -> dict[TopicPartition, int]:
    group = settings.sink.group_id
    found = {}
    for topic in (settings.topics.name("enriched"), settings.topics.name("stance")):
        found |= await committed_offsets(settings, group, topic)
    return found


def with_sink(settings: Settings, **sink: object) -> Settings:
    options = {"group_id": f"{settings.worker.group_id}-sink", **sink}
    return settings.model_copy(update={"sink": SinkSettings.model_validate(options)})


async def check_sink(settings: Settings) -> None:
    await publish_enrichments(settings, ["a1", "a2", "a3"])
    counts = await StorageSink(settings).run(until_caught_up=True)
    assert (counts.articles, counts.stance_events) == (6, 12), "every record written (redeliveries included)"
    assert await stored_offsets(settings) == await ends(settings), "offsets committed after the rows"

    database = open_database(settings.sink)
    try:
        assert database.count("articles") == 3 and database.count("stance_events") == 6, "idempotent upserts"
        hostile = database.relations_between("bloc:west", "country:RUS", "hostile", datetime(2026, 3, 1, tzinfo=UTC))
        assert sorted(r.article_id for r in hostile) == ["a1", "a2", "a3"]
        assert all(r.event_time == APRIL and r.source == "country:RUS" for r in hostile)
        assert database.relations_between("country:RUS", "bloc:west", "hostile", datetime(2026, 5, 1, tzinfo=UTC)) == []
    finally:
        database.close()


async def test_sink_upserts_into_sqlite_and_commits_after_the_rows(settings: Settings, tmp_path: Path) -> None:
    await check_sink(with_sink(settings, sqlite_path=tmp_path / "sink.db"))


async def test_sink_upserts_into_postgresql(settings: Settings, postgres_dsn: str) -> None:  # noqa: F811
    await check_sink(with_sink(settings, postgres_dsn=postgres_dsn))


async def test_a_failed_transaction_commits_no_offset_and_a_restart_stores_everything(
    settings: Settings, tmp_path: Path
) -> None:
    sinking = with_sink(settings, sqlite_path=tmp_path / "sink.db", batch_size=1000)
    await publish_enrichments(sinking, ["b1", "b2"])
    open_database(sinking.sink).close()
    with sqlite3.connect(tmp_path / "sink.db") as connection:  # the database now refuses stance events
        connection.execute("CREATE TRIGGER refuse BEFORE INSERT ON stance_events BEGIN SELECT RAISE(ABORT, 'no'); END")

    with pytest.raises(sqlite3.DatabaseError):
        await StorageSink(sinking).run(until_caught_up=True)
    assert await stored_offsets(sinking) == {}, "nothing committed for rows that were not stored"
    with sqlite3.connect(tmp_path / "sink.db") as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (0,), "the transaction rolled back"
        connection.execute("DROP TRIGGER refuse")

    await StorageSink(sinking).run(until_caught_up=True)
    database = open_database(sinking.sink)
    assert (database.count("articles"), database.count("stance_events")) == (2, 4)
    database.close()
    assert await stored_offsets(sinking) == await ends(sinking)


def test_sink_command_stores_and_exits_when_caught_up(settings: Settings, tmp_path: Path) -> None:
    asyncio.run(publish_enrichments(settings, ["c1"]))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "consumers.commands.cli",
            "sink",
            "--sqlite",
            str(tmp_path / "cli.db"),
            "--until-caught-up",
        ],
        env={**worker_env(settings), "STANCEWIRE_SINK__GROUP_ID": f"{settings.worker.group_id}-sink"},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert "stored 2 articles and 4 stance events" in done.stdout.decode()
    with sqlite3.connect(tmp_path / "cli.db") as connection:
        assert connection.execute("SELECT count(*) FROM stance_events").fetchone() == (2,)
