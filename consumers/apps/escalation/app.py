"""The faust-streaming app behind ``stancewire alerts``.

It consumes ``stance.events`` (keyed by the directed pair, so one pair's
events stay in one partition and its state with them) and keeps two
windowed tables, both backed by changelog topics, so a restarted worker
recovers them:

- ``escalation-buckets``: per pair and stance, the ids of the events counted
  in every ``step_s`` bucket; a hopping window's count (size ``window_s``, a
  new one every ``step_s``) is the sum of its buckets;
- ``escalation-alerted``: the (pair, window) already alerted, so each window
  alerts once.

Both expire with their windows: faust drops a window's keys once it ended
more than ``expires_s`` ago (keys recovered from the changelog are dropped
by a timer of this app), and the changelog topics are compacted and deleted
after ``expires_s`` (segments roll every ``window_s``;
``consumers.apps.escalation.changelogs`` declares them). When the newest window
holding an event has more than ``threshold`` relations, and more than the
window before it, an Alert goes to ``alerts`` (``consumers.apps.escalation.escalator``).
"""

import logging
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import faust
from pydantic import ValidationError

from consumers.apps.escalation.escalator import Escalator
from consumers.apps.escalation.logic import expired
from consumers.apps.escalation.transport import EscalationApp
from consumers.core.alerts.rules import EscalationRule, RuleSet
from consumers.runtime.health import WorkerState, serve_if_enabled
from consumers.settings import KafkaSettings, Settings
from schemas import StanceEvent, decode

logger = logging.getLogger(__name__)

BUCKETS_TABLE = "escalation-buckets"
ALERTED_TABLE = "escalation-alerted"
TABLES = (BUCKETS_TABLE, ALERTED_TABLE)
CLEANUP_INTERVAL_S = 60.0


def app_id(settings: Settings) -> str:
    """The app id, under the topic prefix: its consumer group, and the prefix of its internal topics."""
    return settings.topics.prefix + settings.alerts.app_id


def changelog_topic(settings: Settings, table: str) -> str:
    """The changelog topic faust keeps a table in."""
    return f"{app_id(settings)}-{table}-changelog"


def _credentials(kafka: KafkaSettings) -> Any:
    options = kafka.client_options()
    if kafka.sasl_mechanism:
        return faust.SASLCredentials(
            username=kafka.sasl_username,
            password=kafka.sasl_password.get_secret_value() if kafka.sasl_password else None,
            mechanism=kafka.sasl_mechanism,
            ssl_context=options.get("ssl_context"),
        )
    if "ssl_context" in options:
        return faust.SSLCredentials(options["ssl_context"])
    return None


def forget_expired(stores: list[Any], now: float, rule: EscalationRule) -> int:
    """Drop the keys of windows that ended more than ``expires_s`` ago from the tables' local stores.

    faust expires only the keys it wrote itself; those recovered from a changelog would stay in memory.
    Local only, as faust's own expiry: the changelog topics' retention deletes the records. Returns how many.
    """
    dropped = 0
    for store in stores:
        for key in expired(list(store.keys()), now, rule):
            store.pop(key, None)
            dropped += 1
    return dropped


def _tables(app: faust.App, rule: EscalationRule, partitions: int) -> tuple[Any, Any]:
    """The bucket and alerted tables; changelog segments roll every window so retention can delete them."""
    configs = {"segment.ms": str(rule.window_s * 1000)}
    buckets = app.Table(BUCKETS_TABLE, default=list, partitions=partitions, extra_topic_configs=configs)
    alerted = app.Table(ALERTED_TABLE, default=bool, partitions=partitions, extra_topic_configs=configs)
    bucket_window = faust.TumblingWindow(rule.step_s, expires=rule.expires_s)
    window = faust.HoppingWindow(rule.window_s, rule.step_s, expires=rule.expires_s)

    async def forget() -> None:
        forget_expired([buckets.data, alerted.data], time.time(), rule)

    app.timer(CLEANUP_INTERVAL_S, name="escalation-forget-expired")(forget)
    return buckets.using_window(bucket_window), alerted.using_window(window)


def build_app(settings: Settings, rules: RuleSet, partitions: int) -> faust.App:
    """The app, its tables and its agent; ``partitions``: those of the stance topic (tables are co-partitioned)."""
    rule = rules.escalation or EscalationRule()
    data_dir = settings.alerts.data_dir or Path(tempfile.gettempdir()) / app_id(settings)
    app = EscalationApp(
        app_id(settings),
        broker=[f"kafka://{host.strip()}" for host in settings.kafka.bootstrap_servers.split(",")],
        broker_credentials=_credentials(settings.kafka),
        store="memory://",
        datadir=str(data_dir),
        topic_partitions=partitions,
        topic_replication_factor=settings.topics.replication_factor,
        web_enabled=False,
        key_serializer="raw",
        value_serializer="raw",
    )
    stance_topic = app.topic(settings.topics.name("stance"), key_serializer="raw", value_serializer="raw")
    alerts_topic = app.topic(settings.topics.name("alerts"), key_serializer="raw", value_serializer="raw")
    escalator = Escalator(
        rule, rules.watched_entities, _tables(app, rule, partitions), alerts_topic, settings.alerts.max_future_s
    )

    async def escalate(stream: Any) -> AsyncIterator[None]:
        async for record in stream.events():
            try:
                event = decode(StanceEvent, record.value)
            except (ValueError, ValidationError) as error:
                logger.warning("skipping a record that is not a StanceEvent: %s", error)
            else:
                await escalator.handle(event, record.message.timestamp)
            yield None

    app.agent(stance_topic, name="escalate")(escalate)
    _serve_endpoints(app, settings)
    return app


def _serve_endpoints(app: faust.App, settings: Settings) -> None:
    """/metrics, /healthz (the app's timers run) and /readyz (it started), like the worker's."""
    state = WorkerState(models_loaded=True)

    async def endpoints() -> None:
        state.joined.set()
        await serve_if_enabled(state, settings.metrics)

    async def heartbeat() -> None:
        state.beat()

    app.task(endpoints)
    app.timer(interval=5.0)(heartbeat)


def run_worker(app: faust.App, loglevel: str) -> None:
    """Run the app until SIGTERM or SIGINT (a graceful stop commits offsets and flushes the changelogs)."""
    faust.Worker(app, loglevel=loglevel).execute_from_commandline()
