"""Replay options: versioned topics, ranges and timestamps as users type them, and progress arithmetic."""

from datetime import UTC, datetime

import pytest
from aiokafka import TopicPartition

from consumers.commands.replay import ReplayPlan, replay_settings
from consumers.errors import ConfigurationError
from consumers.kafka.read_range import OffsetRange, parse_ranges, parse_timestamp
from consumers.settings import Settings, TopicSettings


def test_a_versioned_replay_writes_to_suffixed_topics_with_its_own_group_and_version() -> None:
    live = Settings(topics=TopicSettings(prefix="prod."))
    replaying = replay_settings(live, "v2", "2.0.0", None)
    assert replaying.topics.name("enriched") == "prod.articles.enriched.v2"
    assert replaying.topics.name("dlq") == "prod.articles.dlq.v2"
    assert replaying.topics.name("raw") == "prod.articles.raw", "the input is the live one"
    assert replaying.worker.group_id == "stancewire-enrich-replay" != live.worker.group_id
    assert replaying.enrichment_version == "2.0.0"
    same = replay_settings(live, None, None, "mine")
    assert same.topics == live.topics and same.worker.group_id == "mine"
    assert same.enrichment_version == live.enrichment_version
    with pytest.raises(ConfigurationError):
        replay_settings(live, "v2 final", None, None)


def test_offset_ranges_and_timestamps_parse_as_documented() -> None:
    assert parse_ranges(["0:100-250", "1:-50", "2:7-"]) == [
        OffsetRange(0, 100, 250),
        OffsetRange(1, None, 50),
        OffsetRange(2, 7, None),
    ]
    for bad in (["x"], ["0:5-1"], ["0:1-2", "0:3-4"]):
        with pytest.raises(ConfigurationError):
            parse_ranges(bad)
    assert parse_timestamp("2026-03-01") == datetime(2026, 3, 1, tzinfo=UTC)
    assert parse_timestamp("2026-03-01T12:00:00+02:00") == datetime(2026, 3, 1, 10, tzinfo=UTC)
    with pytest.raises(ConfigurationError):
        parse_timestamp("yesterday")


def test_progress_counts_offsets_behind_the_committed_positions() -> None:
    a, b = TopicPartition("raw", 0), TopicPartition("raw", 1)
    plan = ReplayPlan(starts={a: 10, b: 0}, ends={a: 20, b: 5})
    assert plan.total == 15
    assert plan.done() == 0
    assert plan.done({a: 15}) == 5
    assert plan.done({a: 25, b: 5}) == 15, "never past the end"
