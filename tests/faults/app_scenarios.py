"""Fault drills of the subscribers, each accounting for every record it produced.

- The sink fed rows PostgreSQL cannot store as they are (NUL characters),
  rows it refuses (an index entry over its size limit) and undecodable
  records, while its database connection is cut: every record ends up stored
  or in ``sink_dead_letters``. Columns: enriched = stored, dead-lettered = in
  ``sink_dead_letters``.
- The escalation app SIGKILL-ed mid-window while events flow: every event is
  counted once, no alert is lost. Columns: enriched = counted,
  dead-lettered = events dated ahead (rejected by design), duplicated = alerts
  published again (same id) plus events counted twice, lost = events not
  counted plus alerts never published.
"""

import asyncio
import os
import random
import secrets
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import psycopg
from pydantic import SecretStr

from consumers.apps.escalation.app import BUCKETS_TABLE, changelog_topic
from consumers.apps.escalation.logic import escalation_alert
from consumers.commands.offsets_reset import committed_offsets
from consumers.core import Enrichment, Record, records_of
from consumers.core.alerts.rules import EscalationRule
from consumers.kafka.admin import create_topics
from consumers.kafka.clients import make_consumer
from consumers.kafka.reader import read_to_end, topic_partitions
from consumers.settings import Settings, SinkSettings
from schemas import Alert, StanceRelation, decode
from tests.factories import enriched_article, relation, stance_event, stance_record
from tests.faults.harness import Broker, Row, Worker, scenario_settings
from tests.integration.history import produce
from tests.integration.postgres import new_database, running_postgres, server_bin

PAIRS = [("country:RUS", "bloc:west"), ("country:CHN", "country:USA"), ("country:RUS", "country:USA")]
RULE = EscalationRule(threshold=2, window_s=3600, step_s=600, expires_s=86400)
RULES = f"""
watched_entities: [country:RUS, bloc:west, country:CHN, country:USA]
rules: []
escalation: {RULE.model_dump_json()}
"""


def subscriber_process(settings: Settings, command: str, env: dict[str, str]) -> Worker:
    """``stancewire <command>`` on the scenario's broker and topics; its log goes to a file."""
    full_env = {
        **os.environ,
        "STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS": settings.kafka.bootstrap_servers,
        "STANCEWIRE_TOPICS__PREFIX": settings.topics.prefix,
        **env,
    }
    log = tempfile.NamedTemporaryFile(prefix=f"stancewire-{command}-", suffix=".log", delete=False)
    process = Worker([sys.executable, "-m", "consumers.commands.cli", command], env=full_env, stdout=log, stderr=log)
    process.log_path = Path(log.name)
    log.close()
    return process


class Producer(threading.Thread):
    """Sends records in small chunks, ``pause_s`` apart, so faults hit a stream that is still flowing."""

    def __init__(self, settings: Settings, records: list[Record], chunk: int = 25, pause_s: float = 0.2) -> None:
        super().__init__(daemon=True)
        self._settings, self._records, self._chunk, self._pause_s = settings, records, chunk, pause_s
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            for start in range(0, len(self._records), self._chunk):
                asyncio.run(produce(self._settings, self._records[start : start + self._chunk]))
                time.sleep(self._pause_s)
        except BaseException as error:  # noqa: BLE001 - raised again by the scenario
            self.error = error

    def finish(self) -> None:
        self.join(timeout=600)
        if self.error is not None:
            raise self.error


def wait_until(done: Callable[[], bool], process: Worker, what: str, timeout_s: float = 300) -> None:
    """Until ``done()``; fails with the process's log if it exits or the time runs out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{what}: the process exited with {process.returncode}:\n{process.log_tail()}")
        if done():
            return
        time.sleep(0.3)
    raise AssertionError(f"{what}: not done within {timeout_s} s:\n{process.log_tail()}")


def stop(process: Worker, sig: signal.Signals = signal.SIGTERM) -> None:
    process.send_signal(sig)
    process.wait(timeout=120)


# --- the sink -------------------------------------------------------------------------------------------------


def _enrichment(article_id: str, relations: list[StanceRelation]) -> list[Record]:
    """What the worker publishes for one article: the article and one stance event per relation."""
    events = [
        stance_event(article_id, r.source, r.target, r.stance).model_copy(update={"evidence": r.evidence})
        for r in relations
    ]
    return records_of(Enrichment(enriched_article(article_id, relations), events, []))


def sink_records(articles: int, poison: int) -> list[Record]:
    """Good articles, with ``poison`` of each kind of bad one spread among them."""
    found = [relation("country:RUS", "bloc:west", "hostile"), relation("country:CHN", "country:USA", "cooperative")]
    nul = relation("country:RUS", "bloc:west", "hostile", "Russia\x00 threatened the West.")
    good = [_enrichment(f"good-{n:05d}", found) for n in range(articles)]
    bad = [_enrichment(f"nul-{n:03d}", [nul]) for n in range(poison)]
    bad += [_enrichment(secrets.token_hex(4000), [nul]) for _ in range(poison)]  # over PostgreSQL's index entry limit
    bad += [[Record("stance", f"junk-{n}".encode(), b"\x00 not JSON")] for n in range(poison)]
    random.Random(3).shuffle(bad)  # noqa: S311 - test data
    every = max(1, len(good) // max(1, len(bad)))
    mixed: list[Record] = []
    for n, group in enumerate(good):
        mixed += group
        if n % every == 0 and bad:
            mixed += bad.pop()
    return mixed + [record for group in bad for record in group]


def sink_caught_up(settings: Settings) -> bool:
    """Whether the sink group has committed every record of both topics."""

    async def check() -> bool:
        topics = [settings.topics.name("enriched"), settings.topics.name("stance")]
        consumer = make_consumer(settings.kafka, None)
        await consumer.start()
        try:
            ends = await consumer.end_offsets(await topic_partitions(settings.kafka, topics))
        finally:
            await consumer.stop()
        committed: dict[object, int] = {}
        for topic in topics:
            committed |= await committed_offsets(settings, settings.sink.group_id, topic)
        return all(committed.get(tp, 0) >= end for tp, end in ends.items())

    return asyncio.run(check())


def stored_articles(dsn: str) -> int:
    """Articles in the sink's table so far (0 before the sink has made its tables)."""
    with psycopg.connect(dsn, autocommit=True) as connection:
        try:
            row = connection.execute("SELECT count(*) FROM articles").fetchone()
        except psycopg.errors.UndefinedTable:
            return 0
    return int(row[0]) if row else 0


def drop_connections(dsn: str) -> None:
    """What a database restart does to the sink: its connections are terminated."""
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def account_sink(scenario: str, settings: Settings, dsn: str) -> Row:
    """Each record read back: stored (its event_id in a table), dead-lettered (where it was read), or lost."""
    topics = [settings.topics.name("enriched"), settings.topics.name("stance")]
    records = [record for found in asyncio.run(read_to_end(settings.kafka, topics)).values() for record in found]
    with psycopg.connect(dsn) as connection:
        stored = {
            row[0]
            for row in connection.execute("SELECT event_id FROM articles UNION SELECT event_id FROM stance_events")
        }
        dead = set(connection.execute("SELECT record_topic, record_partition, record_offset FROM sink_dead_letters"))
    outcomes: Counter[str] = Counter()
    for record in records:
        lettered = (record.topic, record.partition, record.offset) in dead
        try:
            kept = orjson.loads(record.value or b"")["event_id"] in stored
        except (orjson.JSONDecodeError, KeyError, TypeError):
            kept = False
        outcomes["both" if lettered and kept else "dead" if lettered else "stored" if kept else "lost"] += 1
    return Row(scenario, len(records), outcomes["stored"], outcomes["dead"], outcomes["both"], outcomes["lost"])


def sink_poison_and_lost_connections(broker: Broker, articles: int = 300, poison: int = 10, drops: int = 3) -> Row:
    """The sink stores a flowing stream with poison in it while its PostgreSQL connection is cut ``drops`` times."""
    bindir = server_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries not found (Debian: apt-get install postgresql)")
    base = scenario_settings(broker)
    group = f"{base.worker.group_id}-sink"
    with running_postgres(bindir) as server:
        dsn = new_database(server)
        settings = base.model_copy(update={"sink": SinkSettings(group_id=group, postgres_dsn=SecretStr(dsn))})
        asyncio.run(create_topics(settings))
        env = {
            "STANCEWIRE_SINK__GROUP_ID": group,
            "STANCEWIRE_SINK__POSTGRES_DSN": dsn,
            "STANCEWIRE_SINK__BATCH_SIZE": "40",
            "STANCEWIRE_SINK__RETRY_MAX_BACKOFF_S": "1",
        }
        sink = subscriber_process(settings, "sink", env)
        producer = Producer(settings, sink_records(articles, poison))
        producer.start()
        # cut the connection mid-stream, once the sink is storing: a database that is away when the sink
        # starts is a start-up error (exit 2, one line), which a test of its own covers
        wait_until(lambda: stored_articles(dsn) > 0, sink, "sink's first rows")
        for _ in range(drops):
            drop_connections(dsn)
            time.sleep(1.5)
        producer.finish()
        wait_until(lambda: sink_caught_up(settings), sink, "sink")
        stop(sink)
        retries = sink.log_path.read_text(errors="replace").count("database unavailable")
        kinds = f"{poison} NUL, {poison} over an index limit, {poison} undecodable"
        scenario = f"sink: {kinds}; DB connection cut ×{drops} ({retries} retries)"
        return account_sink(scenario, settings, dsn)


# --- the escalation app -----------------------------------------------------------------------------------------


def escalation_events(start: datetime, per_pair: int, future: int) -> tuple[list[Record], set[str], set[str]]:
    """Per pair one event in the window before and ``per_pair`` in one bucket of this window; ``future`` dated 9999.

    Whatever the kills, each pair's window from ``start`` alerts exactly once (its third event crosses the
    threshold, the window before holds one): returns the records, the ids to count and the alert ids.
    """
    records: list[Record] = []
    counted: set[str] = set()
    expected_alerts: set[str] = set()
    for source, target in PAIRS:
        events = [stance_event(f"{source}-{target}-p", source, target, "hostile", start - timedelta(hours=1))]
        events += [
            stance_event(f"{source}-{target}-{n:04d}", source, target, "hostile", start + timedelta(seconds=n))
            for n in range(per_pair)
        ]
        counted |= {event.event_id for event in events}
        expected_alerts.add(escalation_alert(RULE, events[1], start.timestamp(), 3, 1).event_id)
        records += [stance_record(event) for event in events]
    late = datetime(9999, 12, 31, tzinfo=UTC)
    records += [stance_record(stance_event(f"future-{n}", *PAIRS[0], "hostile", late)) for n in range(future)]
    return records, counted, expected_alerts


def counted_ids(settings: Settings) -> list[str]:
    """Every id in the latest value of every bucket (an id twice would be a double count)."""
    topic = changelog_topic(settings, BUCKETS_TABLE)
    latest: dict[bytes | None, list[str]] = {}
    for record in asyncio.run(read_to_end(settings.kafka, [topic]))[topic]:
        latest[record.key] = orjson.loads(record.value or b"[]")
    return [event_id for ids in latest.values() for event_id in ids]


def alert_ids(settings: Settings) -> Counter[str]:
    topic = settings.topics.name("alerts")
    return Counter(
        decode(Alert, r.value or b"").event_id for r in asyncio.run(read_to_end(settings.kafka, [topic]))[topic]
    )


def escalation_sigkill_mid_window(broker: Broker, per_pair: int = 200, future: int = 10, kills: int = 2) -> Row:
    """SIGKILL the escalation app ``kills`` times while a window fills, then let a fresh one finish."""
    settings = scenario_settings(broker)
    asyncio.run(create_topics(settings))
    now = int(time.time())
    start = datetime.fromtimestamp(now - now % RULE.step_s - RULE.window_s, UTC)
    records, expected_ids, expected_alerts = escalation_events(start, per_pair, future)
    workdir = Path(tempfile.mkdtemp(prefix="stancewire-escalation-drill-"))
    (workdir / "rules.yaml").write_text(RULES)
    env = {
        "STANCEWIRE_ALERTS__RULES_FILE": str(workdir / "rules.yaml"),
        "STANCEWIRE_ALERTS__DATA_DIR": str(workdir / "faust"),
    }
    producer = Producer(settings, records, chunk=20, pause_s=0.3)
    producer.start()
    for _ in range(kills):
        app = subscriber_process(settings, "alerts", env)
        seen = len(counted_ids(settings))
        wait_until(lambda: len(counted_ids(settings)) > seen, app, "escalation app")  # noqa: B023 - called at once
        time.sleep(random.uniform(0.1, 1.0))  # noqa: S311 - anywhere in the stream
        stop(app, signal.SIGKILL)
    producer.finish()
    app = subscriber_process(settings, "alerts", env)
    wait_until(lambda: expected_ids <= set(counted_ids(settings)), app, "escalation app")
    stop(app)
    ids, alerts = counted_ids(settings), alert_ids(settings)
    duplicated = sum(n - 1 for n in alerts.values()) + (len(ids) - len(set(ids)))
    lost = len(expected_ids - set(ids)) + len(expected_alerts - set(alerts))
    future_ids = {stance_event(f"future-{n}", *PAIRS[0], "hostile").event_id for n in range(future)}
    rejected = len(future_ids - set(ids))
    counted = len(expected_ids & set(ids))
    scenario = f"escalation app SIGKILL ×{kills} mid-window ({len(expected_alerts)} alerts due)"
    return Row(scenario, len(records), counted, rejected, duplicated, lost)


APP_SCENARIOS = {
    "sink-poison": sink_poison_and_lost_connections,
    "escalation-sigkill": escalation_sigkill_mid_window,
}
