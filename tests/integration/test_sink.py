"""``stancewire sink`` against the real broker, into SQLite and into a real PostgreSQL server."""

import asyncio
import secrets
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from aiokafka import TopicPartition

from consumers.apps.sink import StorageSink, open_database
from consumers.apps.sink.database import Database
from consumers.apps.sink.rows import article_row
from consumers.commands.offsets_reset import committed_offsets
from consumers.core import Enrichment, Record, records_of
from consumers.errors import DeadLetterLimitExceeded
from consumers.kafka.reader import topic_partitions
from consumers.settings import Settings, SinkSettings
from tests.factories import enriched_article, relation, stance_event
from tests.integration.conftest import worker_env
from tests.integration.history import produce
from tests.integration.postgres import postgres_dsn, postgres_server  # noqa: F401 - fixtures

APRIL = datetime(2026, 4, 1, tzinfo=UTC)
PAIR = ("country:RUS", "bloc:west", "hostile")


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


async def test_a_database_refusing_every_row_stops_the_sink_with_nothing_committed(
    settings: Settings, tmp_path: Path
) -> None:
    sinking = with_sink(settings, sqlite_path=tmp_path / "sink.db", batch_size=1000, dead_letter_max_consecutive=3)
    await publish_enrichments(sinking, ["b1", "b2"])
    open_database(sinking.sink).close()
    with sqlite3.connect(tmp_path / "sink.db") as connection:  # the database now refuses stance events
        connection.execute("CREATE TRIGGER refuse BEFORE INSERT ON stance_events BEGIN SELECT RAISE(ABORT, 'no'); END")

    with pytest.raises(DeadLetterLimitExceeded, match="more than 3 records in a row"):
        await StorageSink(sinking).run(until_caught_up=True)
    assert await stored_offsets(sinking) == {}, "nothing committed for rows that were not stored"
    with sqlite3.connect(tmp_path / "sink.db") as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (0,), "the transaction rolled back"
        assert connection.execute("SELECT count(*) FROM sink_dead_letters").fetchone() == (0,), "no dead letters"
        connection.execute("DROP TRIGGER refuse")

    await StorageSink(sinking).run(until_caught_up=True)
    database = open_database(sinking.sink)
    assert (database.count("articles"), database.count("stance_events")) == (2, 4)
    database.close()
    assert await stored_offsets(sinking) == await ends(sinking)


async def test_postgresql_sink_stores_nul_text_dead_letters_refused_rows_and_goes_on(
    settings: Settings,
    postgres_dsn: str,  # noqa: F811
) -> None:
    sinking = with_sink(settings, postgres_dsn=postgres_dsn, batch_size=1000)
    await publish_enrichments(sinking, ["g1", "g2"])
    nul = relation("country:RUS", "bloc:west", "hostile", "Russia\x00 threatened the West.")

    def with_nul(article_id: str) -> list[Record]:
        event = stance_event(article_id, *PAIR, APRIL).model_copy(update={"evidence": nul.evidence})
        return records_of(Enrichment(enriched_article(article_id, [nul], APRIL), [event], []))

    long_id = secrets.token_hex(4000)  # 8000 characters: over PostgreSQL's 2704-byte limit of an index entry
    poison = [
        *with_nul("n1"),
        *with_nul(long_id),
        Record("stance", b"junk", b"\x00 not JSON"),
    ]
    await produce(sinking, poison)
    await publish_enrichments(sinking, ["g3"])

    counts = await StorageSink(sinking).run(until_caught_up=True)

    assert (counts.articles, counts.stance_events, counts.dead_lettered) == (7, 13, 3)
    assert await stored_offsets(sinking) == await ends(sinking), "dead letters are committed too"
    database = open_database(sinking.sink)
    try:
        assert (database.count("articles"), database.count("stance_events")) == (4, 7), "g1, g2, g3 and n1"
        stored = database.relations_between("country:RUS", "bloc:west", "hostile", APRIL)
        assert next(r.evidence for r in stored if r.article_id == "n1") == "Russia threatened the West."
        dead = {letter.value: letter for letter in database.dead_letters()}
        assert set(dead) == {poison[2].value, poison[3].value, poison[4].value}, "the refused records, byte for byte"
        assert "ProgramLimitExceeded" in dead[poison[2].value].error
        assert dead[poison[4].value].key == b"junk" and "not a StanceEvent" in dead[poison[4].value].error
    finally:
        database.close()


async def test_a_lost_postgresql_connection_is_retried_and_nothing_is_lost(
    settings: Settings,
    postgres_dsn: str,  # noqa: F811
) -> None:
    sinking = with_sink(settings, postgres_dsn=postgres_dsn, retry_max_backoff_s=1.0)
    sink = StorageSink(sinking)
    running = asyncio.create_task(sink.run())
    try:
        await publish_enrichments(sinking, ["r1"])
        await wait_for_rows(postgres_dsn, running, 1)
        with psycopg.connect(postgres_dsn, autocommit=True) as admin:  # what a server restart does to the sink
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        await publish_enrichments(sinking, ["r2", "r3"])
        await wait_for_rows(postgres_dsn, running, 3)
    finally:
        sink.stop()
        await running
    assert await stored_offsets(sinking) == await ends(sinking)


def test_a_connection_a_cut_batch_left_in_pipeline_mode_is_replaced(postgres_dsn: str) -> None:  # noqa: F811
    """psycopg does not mark such a connection broken, and every query on it fails: a rollback alone never recovers."""
    opened: list[psycopg.Connection[tuple[object, ...]]] = []

    def connect() -> psycopg.Connection[tuple[object, ...]]:
        opened.append(psycopg.connect(postgres_dsn))
        return opened[-1]

    database = Database(connect)
    try:
        database.migrate()
        opened[0].pgconn.enter_pipeline_mode()  # the state an executemany cut mid-flight leaves behind
        opened[0].pgconn.send_query_params(b"SELECT 1", None)
        database.recover()
        database.write([article_row(enriched_article("p1", [relation(*PAIR)]))], [])
        assert database.count("articles") == 1 and len(opened) == 2
    finally:
        database.close()
        opened[0].close()


async def wait_for_rows(dsn: str, running: "asyncio.Task[object]", articles: int) -> None:
    """Until the database holds ``articles`` articles and their two relations each (the sink keeps running)."""
    for _ in range(600):
        assert not running.done(), running.exception()
        with psycopg.connect(dsn) as connection:
            stored = connection.execute("SELECT count(*) FROM articles").fetchone()
            relations = connection.execute("SELECT count(*) FROM stance_events").fetchone()
            if (stored, relations) == ((articles,), (2 * articles,)):
                return
        await asyncio.sleep(0.2)
    raise AssertionError(f"the sink never stored {articles} articles")


def test_a_malformed_dsn_stops_the_sink_in_one_line_without_the_password(settings: Settings) -> None:
    password = f"pw-{secrets.token_hex(8)}"
    for dsn, reason in (
        (f"postgresql//stancewire:{password}@db/intel", "not a valid PostgreSQL DSN"),
        (f"postgresql://stancewire:{password}@127.0.0.1:1/intel", "cannot open the sink database"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "consumers.commands.cli", "sink"],
            env={**worker_env(settings), "STANCEWIRE_SINK__POSTGRES_DSN": dsn},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 2
        assert password not in done.stdout + done.stderr
        assert reason in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr


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
    assert "stored 2 articles, 4 stance events and 0 alerts" in done.stdout.decode()
    with sqlite3.connect(tmp_path / "cli.db") as connection:
        assert connection.execute("SELECT count(*) FROM stance_events").fetchone() == (2,)


async def test_the_sink_serves_its_health_and_metrics_while_it_stores(settings: Settings, tmp_path: Path) -> None:
    import aiohttp

    from consumers.settings import MetricsSettings
    from tests.integration.conftest import free_port_block
    from tests.integration.endpoints import wait_until_served

    port = int(free_port_block(1))
    served = with_sink(settings, sqlite_path=tmp_path / "sink.db").model_copy(
        update={"metrics": MetricsSettings(host="127.0.0.1", port=port)}
    )
    await publish_enrichments(served, ["m1"])
    sink = StorageSink(served)
    running = asyncio.create_task(sink.run())
    base = f"http://127.0.0.1:{port}"
    try:
        await wait_until_served(base, "/readyz", 'stancewire_sink_rows_total{table="articles"}')
        async with aiohttp.ClientSession() as session, session.get(f"{base}/healthz") as health:
            assert health.status == 200
    finally:
        sink.stop()
        await asyncio.wait_for(running, 60)
    assert sink.counts.articles == 2


def test_sigterm_while_the_database_is_locked_ends_the_sink_cleanly_with_nothing_committed(
    settings: Settings, tmp_path: Path
) -> None:
    sinking = with_sink(settings, sqlite_path=tmp_path / "sink.db", retry_max_backoff_s=1.0)
    asyncio.run(publish_enrichments(sinking, ["t1"]))
    open_database(sinking.sink).close()
    log = tmp_path / "sink.log"
    with sqlite3.connect(tmp_path / "sink.db", isolation_level=None) as holder, log.open("wb") as output:
        holder.execute("BEGIN IMMEDIATE")  # every other writer is refused with SQLITE_BUSY
        sink = subprocess.Popen(
            [sys.executable, "-m", "consumers.commands.cli", "sink", "--sqlite", str(tmp_path / "sink.db")],
            env={**worker_env(sinking), "STANCEWIRE_SINK__GROUP_ID": sinking.sink.group_id},
            stdout=subprocess.PIPE,
            stderr=output,
        )
        try:
            for _ in range(600):
                if b"database unavailable" in log.read_bytes() or sink.poll() is not None:
                    break
                time.sleep(0.1)
            assert sink.poll() is None, log.read_text(errors="replace")
            sink.send_signal(signal.SIGTERM)
            stdout, _ = sink.communicate(timeout=60)
        finally:
            sink.kill()
        holder.execute("ROLLBACK")
    assert sink.returncode == 0, log.read_text(errors="replace")
    assert "stored 0 articles, 0 stance events and 0 alerts" in stdout.decode()
    assert asyncio.run(stored_offsets(sinking)) == {}, "the batch never stored is not committed"

    counts = asyncio.run(StorageSink(sinking).run(until_caught_up=True))
    assert (counts.articles, counts.stance_events) == (2, 4), "redelivered and stored by the next run"
