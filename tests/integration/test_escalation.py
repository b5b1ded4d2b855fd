"""``stancewire alerts`` (faust) against the real broker: windowed counts, alerts once per window, restarts."""

import asyncio
import json
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from consumers.apps.escalation.app import ALERTED_TABLE, BUCKETS_TABLE, changelog_topic
from consumers.apps.escalation.logic import escalation_alert, window_count
from consumers.core.alerts.rules import EscalationRule
from consumers.kafka.reader import read_to_end
from consumers.settings import Settings
from schemas import Alert, decode
from tests.factories import stance_event, stance_record
from tests.integration.conftest import worker_env
from tests.integration.history import produce

WINDOW_S, STEP_S = 3600, 600
RULES = f"""
watched_entities: [country:RUS, bloc:west, country:CHN, country:USA]
rules: []
escalation:
  id: escalation-hostile
  description: Hostility is rising.
  severity: high
  stance: hostile
  threshold: 2
  window_s: {WINDOW_S}
  step_s: {STEP_S}
  expires_s: 86400
  watched_only: true
"""
PAIR = ("country:RUS", "bloc:west", "hostile")
RULE = EscalationRule(threshold=2, window_s=WINDOW_S, step_s=STEP_S, expires_s=86400)


def window_start() -> datetime:
    """The start of a window that began within the last hour (windows expire by the wall clock)."""
    now = int(time.time())
    return datetime.fromtimestamp(now - now % STEP_S - WINDOW_S, UTC)


def start_app(settings: Settings, tmp_path: Path, **extra_env: str) -> subprocess.Popen[bytes]:
    (tmp_path / "rules.yaml").write_text(RULES)
    env = {
        **worker_env(settings),
        "STANCEWIRE_ALERTS__RULES_FILE": str(tmp_path / "rules.yaml"),
        "STANCEWIRE_ALERTS__DATA_DIR": str(tmp_path / "faust"),
        **extra_env,
    }
    with (tmp_path / "faust.log").open("ab") as log:  # the child keeps its own descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "consumers.commands.cli", "alerts"], env=env, stdout=log, stderr=subprocess.STDOUT
        )


def stop_app(app: subprocess.Popen[bytes], tmp_path: Path) -> None:
    app.send_signal(signal.SIGTERM)
    app.wait(timeout=120)
    assert app.returncode in (0, -signal.SIGTERM), (tmp_path / "faust.log").read_text()[-3000:]


async def buckets(settings: Settings) -> dict[tuple[str, float], list[str]]:
    """The latest event ids per (pair key, bucket start), read back from the bucket table's changelog topic."""
    topic = changelog_topic(settings, BUCKETS_TABLE)
    latest: dict[tuple[str, float], list[str]] = {}
    for record in (await read_to_end(settings.kafka, [topic]))[topic]:
        key, (start, _) = json.loads(record.key or b"null")
        latest[(key, start)] = json.loads(record.value or b"[]")
    return latest


def in_window(found: dict[tuple[str, float], list[str]], key: str, start: float) -> int:
    return window_count(lambda bucket: found.get((key, bucket), []), start, RULE)


async def counts(settings: Settings) -> dict[tuple[str, float], int]:
    """Per (pair key, window start), the relations counted in that window: the sum of its buckets."""
    found = await buckets(settings)
    starts = {(key, start - back * STEP_S) for key, start in found for back in range(WINDOW_S // STEP_S)}
    return {(key, start): in_window(found, key, start) for key, start in starts}


async def wait_for_count(
    settings: Settings,
    app: subprocess.Popen[bytes],
    key: tuple[str, float],
    value: int,
    tmp_path: Path,
    at_least: bool = False,
) -> None:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        assert app.poll() is None, (tmp_path / "faust.log").read_text()[-3000:]
        count = (await counts(settings)).get(key, 0)
        if count == value or (at_least and count > value):
            return
        await asyncio.sleep(0.5)
    raise AssertionError(f"count of {key} never reached {value}: {await counts(settings)}")


async def topic_config(settings: Settings, topic: str) -> dict[str, str]:
    admin = AIOKafkaAdminClient(**settings.kafka.client_options())
    await admin.start()
    try:
        response = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])
    finally:
        await admin.close()
    return {entry[0]: entry[1] for entry in response[0].resources[0][4]}


async def alerts(settings: Settings) -> list[Alert]:
    topic = settings.topics.name("alerts")
    return [decode(Alert, record.value or b"") for record in (await read_to_end(settings.kafka, [topic]))[topic]]


async def test_escalation_counts_survive_a_restart_mid_window_and_alert_once(
    settings: Settings, tmp_path: Path
) -> None:
    start = window_start()
    previous = start - timedelta(seconds=WINDOW_S)

    def hostile(article_id: str, at: datetime, source: str = "country:RUS", target: str = "bloc:west") -> object:
        return stance_record(stance_event(article_id, source, target, "hostile", published_at=at))

    key, stable = "country:RUS->bloc:west|hostile", "country:CHN->country:USA|hostile"
    first = [hostile("p1", previous + timedelta(minutes=5))]
    first += [hostile(f"a{n}", start + timedelta(minutes=n)) for n in (1, 2)]
    # A pair as hostile now as in the window before: its first window over the threshold alerts, this one not.
    first += [hostile(f"s{n}", previous + timedelta(minutes=n), "country:CHN", "country:USA") for n in (1, 2, 3)]
    first += [hostile(f"t{n}", start + timedelta(minutes=n), "country:CHN", "country:USA") for n in (1, 2, 3)]
    first += [stance_record(stance_event("c1", "country:RUS", "bloc:west", "cooperative", start))]
    first += [hostile("f1", datetime(9999, 12, 31, tzinfo=UTC))]  # dated ahead: not counted
    await produce(settings, first)  # type: ignore[arg-type]

    app = start_app(settings, tmp_path)
    try:
        await wait_for_count(settings, app, (key, start.timestamp()), 2, tmp_path)
        await wait_for_count(settings, app, (stable, start.timestamp()), 3, tmp_path)
        before_restart = await alerts(settings)
        assert [a.entities for a in before_restart] == [["country:CHN", "country:USA"]], "RUS→West: 2 is not over"
        assert f"from {previous:%Y-%m-%d %H:%M} UTC, up from 0" in before_restart[0].summary, "the window before"
    finally:
        stop_app(app, tmp_path)  # in the middle of the window

    app = start_app(settings, tmp_path)
    try:
        later = [hostile(f"b{n}", start + timedelta(minutes=2 + n)) for n in (1, 2, 3)]
        redelivered = later[:1]  # the same event twice (same event_id): counted once
        await produce(settings, later + redelivered)  # type: ignore[arg-type]
        await wait_for_count(settings, app, (key, start.timestamp()), 5, tmp_path)
    finally:
        stop_app(app, tmp_path)

    assert all(at < time.time() for _, at in await buckets(settings)), "the event dated 9999 is not counted"
    for table in (BUCKETS_TABLE, ALERTED_TABLE):  # the state expires with its windows
        config = await topic_config(settings, changelog_topic(settings, table))
        assert config["cleanup.policy"] == "compact,delete" and config["retention.ms"] == str(86400 * 1000)
        assert config["segment.ms"] == str(WINDOW_S * 1000)
    state = await counts(settings)
    assert state[(key, start.timestamp())] == 5, "2 before the restart + 3 after: none lost, none doubled"
    assert state[(key, previous.timestamp())] == 1
    assert state[(stable, start.timestamp())] == 3
    found = await alerts(settings)
    assert len(found) == 2 and before_restart[0] in found, "one alert per pair and window"
    alert = next(a for a in found if a != before_restart[0])
    assert alert.rule_id == "escalation-hostile" and alert.entities == ["country:RUS", "bloc:west"]
    assert f"3 hostile relations in the 1 h from {start:%Y-%m-%d %H:%M} UTC, up from 1" in alert.summary
    assert alert.article_ids == ["b1"]


async def test_a_sigkill_mid_window_neither_loses_nor_doubles_a_count_and_loses_no_alert(
    settings: Settings, tmp_path: Path
) -> None:
    start = window_start()
    previous = start - timedelta(seconds=WINDOW_S)

    def hostile(article_id: str, at: datetime) -> object:
        return stance_record(stance_event(article_id, "country:RUS", "bloc:west", "hostile", published_at=at))

    key = "country:RUS->bloc:west|hostile"
    burst = [hostile("p1", previous)] + [hostile(f"k{n:03d}", start + timedelta(seconds=n)) for n in range(200)]
    await produce(settings, burst)  # type: ignore[arg-type]
    app = start_app(settings, tmp_path)
    try:
        await wait_for_count(settings, app, (key, start.timestamp()), 1, tmp_path, at_least=True)
    finally:
        app.kill()  # SIGKILL: no commit, no flush
        app.wait(timeout=60)

    more = [hostile(f"k{n:03d}", start + timedelta(seconds=n)) for n in range(200, 300)]
    await produce(settings, more + burst[1:50])  # type: ignore[arg-type]  # and 49 redelivered by the producer too
    app = start_app(settings, tmp_path)
    try:
        await wait_for_count(settings, app, (key, start.timestamp()), 300, tmp_path)
    finally:
        stop_app(app, tmp_path)

    found = await buckets(settings)
    ids = sorted(stance_event(f"k{n:03d}", *PAIR).event_id for n in range(300))
    assert found[(key, start.timestamp())] == ids, "each event once, none lost"
    assert found[(key, previous.timestamp())] == [stance_event("p1", *PAIR).event_id]
    sent = await alerts(settings)
    assert {a.event_id for a in sent} == {
        escalation_alert(RULE, stance_event("x", *PAIR), start.timestamp(), 3, 1).event_id
    }


async def test_the_app_serves_its_health_and_metrics(settings: Settings, tmp_path: Path) -> None:
    from tests.integration.conftest import free_port_block
    from tests.integration.endpoints import wait_until_served

    port = free_port_block(1)
    await produce(settings, [stance_record(stance_event("h1", *PAIR, published_at=window_start()))])  # type: ignore[list-item]
    app = start_app(settings, tmp_path, STANCEWIRE_METRICS__PORT=port, STANCEWIRE_METRICS__HOST="127.0.0.1")
    base = f"http://127.0.0.1:{port}"

    def alive() -> None:
        assert app.poll() is None, (tmp_path / "faust.log").read_text()[-3000:]

    try:
        await wait_until_served(base, "/healthz", 'stancewire_escalation_events_total{outcome="counted"} 1.0', alive)
    finally:
        stop_app(app, tmp_path)
