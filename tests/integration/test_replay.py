"""Replays re-enrich a chosen range of the raw topic, with a group of their own, idempotently."""

import asyncio
import subprocess
import sys

from aiokafka import TopicPartition

from consumers.commands.replay import plan_replay, replay, replay_settings
from consumers.core.alerts import load_rules
from consumers.kafka.read_range import OffsetRange
from consumers.kafka.reader import read_to_end
from consumers.nlp.annotator import Annotator
from consumers.settings import Settings
from schemas import EnrichedArticle, StanceEvent, decode
from tests.integration.conftest import read_outputs, worker_env
from tests.integration.history import BETWEEN, EARLIER, LATER, publish_at, raw_offsets


async def versioned_events(settings: Settings) -> tuple[list[EnrichedArticle], list[StanceEvent]]:
    names = [settings.topics.name("enriched"), settings.topics.name("stance")]
    records = await read_to_end(settings.kafka, names)
    articles = [decode(EnrichedArticle, r.value or b"") for r in records[names[0]]]
    return articles, [decode(StanceEvent, r.value or b"") for r in records[names[1]]]


async def test_replay_into_a_version_leaves_live_topics_and_group_alone(
    settings: Settings, annotator: Annotator
) -> None:
    await publish_at(settings, "early", 6, EARLIER)
    await publish_at(settings, "late", 6, LATER)
    replaying = replay_settings(settings, "v2", "2.0.0", None)

    plan = await plan_replay(replaying)
    assert plan.total == 12
    assert await replay(replaying, annotator, load_rules(), plan) == 12

    articles, events = await versioned_events(replaying)
    assert sorted(a.id for a in articles) == sorted(f"{m}-{n:04d}" for m in ("early", "late") for n in range(6))
    assert {a.versions.enrichment for a in articles} == {"2.0.0"}
    assert events and {e.enrichment_version for e in events} == {"2.0.0"}
    assert replaying.topics.name("enriched") == settings.topics.name("enriched") + ".v2"
    live = await read_outputs(settings)
    assert all(not records for records in live.values()), "live output topics untouched"
    assert await raw_offsets(settings, settings.worker.group_id) == {}, "the live group has no commits"
    assert await raw_offsets(settings, replaying.worker.group_id) == plan.ends, "the replay group reached the ends"

    # The same input, models and version: the same event ids, so subscribers drop the repeats.
    assert await replay(replaying, annotator, load_rules(), await plan_replay(replaying)) == 12
    again, again_events = await versioned_events(replaying)
    assert len(again) == 24
    first_ids = {a.event_id for a in articles} | {e.event_id for e in events}
    assert {a.event_id for a in again} | {e.event_id for e in again_events} == first_ids
    assert len(again_events) == 2 * len(events)


async def test_replay_from_a_timestamp_or_between_offsets(settings: Settings, annotator: Annotator) -> None:
    await publish_at(settings, "early", 4, EARLIER, partition=0)
    await publish_at(settings, "late", 4, LATER, partition=0)
    await publish_at(settings, "other", 2, LATER, partition=1)
    replaying = replay_settings(settings, "v3", None, "replay-window")

    plan = await plan_replay(replaying, since=BETWEEN)
    raw = settings.topics.name("raw")
    assert plan.starts == {TopicPartition(raw, 0): 4, TopicPartition(raw, 1): 0}
    await replay(replaying, annotator, load_rules(), plan)
    articles, _ = await versioned_events(replaying)
    assert sorted(a.id for a in articles) == [
        "late-0000",
        "late-0001",
        "late-0002",
        "late-0003",
        "other-0000",
        "other-0001",
    ]

    between = await plan_replay(replaying, ranges=[OffsetRange(0, 1, 3)])
    await replay(replaying, annotator, load_rules(), between)
    articles, _ = await versioned_events(replaying)
    assert len(articles) == 8
    replayed = [a for a in articles if a.id.startswith("early")]
    assert sorted(a.id for a in replayed) == ["early-0001", "early-0002"]
    assert {(a.provenance.partition, a.provenance.offset) for a in replayed if a.provenance} == {(0, 1), (0, 2)}

    until = await plan_replay(replaying, until=BETWEEN)
    assert until.total == 4 and set(until.starts) == {TopicPartition(raw, 0)}


def test_replay_command_shows_progress_and_exits_when_done(settings: Settings) -> None:
    asyncio.run(publish_at(settings, "cli", 3, EARLIER, partition=2))
    done = subprocess.run(
        [sys.executable, "-m", "consumers.commands.cli", "replay", "--offsets", "2:0-", "--into-version", "v9"],
        env={**worker_env(settings), "COLUMNS": "120"},
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert "replay" in done.stderr.decode() and "3/3" in done.stderr.decode(), "a finished progress bar"
    assert f"{settings.topics.name('enriched')}.v9" in done.stdout.decode()
    out = asyncio.run(read_outputs(replay_settings(settings, "v9", None, None)))
    articles = [decode(EnrichedArticle, record.value or b"") for record in out["enriched"]]
    assert sorted(a.id for a in articles) == ["cli-0000", "cli-0001", "cli-0002"], (out["dlq"], done.stderr[-3000:])
