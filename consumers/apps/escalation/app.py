"""The faust-streaming app behind ``stancewire alerts``.

It consumes ``stance.events`` (keyed by the directed pair, so one pair's
events stay in one partition and its state with them) and keeps two tables,
both backed by changelog topics, so a restarted worker recovers them:

- ``escalation-counts``: per pair and stance, a count in every hopping window
  (size ``window_s``, a new one every ``step_s``);
- ``escalation-alerted``: the (pair, window) already alerted, so each window
  alerts once.

When the newest window holding an event has more than ``threshold``
relations, and more than the window before it, an Alert goes to ``alerts``.
"""

import logging
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import faust
from pydantic import ValidationError

from consumers.apps.escalation.logic import counted, escalates, escalation_alert, event_time, pair_key
from consumers.core.alerts.rules import EscalationRule, RuleSet
from consumers.settings import KafkaSettings, Settings
from schemas import StanceEvent, decode, encode
from schemas.topics import ALERTS

logger = logging.getLogger(__name__)

COUNTS_TABLE = "escalation-counts"
ALERTED_TABLE = "escalation-alerted"
COUNTED_TABLE = "escalation-counted"


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


def build_app(settings: Settings, rules: RuleSet, partitions: int) -> faust.App:
    """The app, its tables and its agent; ``partitions``: those of the stance topic (tables are co-partitioned)."""
    rule = rules.escalation or EscalationRule()
    data_dir = settings.alerts.data_dir or Path(tempfile.gettempdir()) / app_id(settings)
    app = faust.App(
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
    window = faust.HoppingWindow(rule.window_s, rule.step_s, expires=rule.expires_s)
    counts = app.Table(COUNTS_TABLE, default=int, partitions=partitions).using_window(window)
    alerted = app.Table(ALERTED_TABLE, default=bool, partitions=partitions)
    # Event ids already counted: a redelivered event (a restart, a rebalance, a replay) never counts twice.
    counted_ids = app.Table(COUNTED_TABLE, default=bool, partitions=partitions)

    async def escalate(stream: Any) -> AsyncIterator[None]:
        async for record in stream.events():
            try:
                event = decode(StanceEvent, record.value)
            except (ValueError, ValidationError) as error:
                logger.warning("skipping a record that is not a StanceEvent: %s", error)
                yield None
                continue
            if counted(rule, rules.watched_entities, event) and not counted_ids[event.event_id]:
                counted_ids[event.event_id] = True
                at = event_time(event, record.message.timestamp)
                key = pair_key(event)
                for window_range in window.ranges(at):
                    counts[key][window_range] = counts[key][window_range] + 1
                current, previous = window.current(at), window.current(at - rule.window_s)
                count, before = counts[key][current], counts[key][previous]
                seen = f"{key}|{current[0]}"
                if escalates(rule, count, before) and not alerted[seen]:
                    alert = escalation_alert(rule, event, current[0], count, before)
                    await alerts_topic.send(key=ALERTS.key(alert), value=encode(alert))
                    alerted[seen] = True
                    logger.info("escalation: %s", alert.summary)
            yield None

    app.agent(stance_topic, name="escalate")(escalate)
    return app


def run_worker(app: faust.App, loglevel: str) -> None:
    """Run the app until SIGTERM or SIGINT (a graceful stop commits offsets and flushes the changelogs)."""
    faust.Worker(app, loglevel=loglevel).execute_from_commandline()
