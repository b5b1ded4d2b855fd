"""Resetting the worker group to a timestamp: a dry run first, then the workers re-process from there."""

import asyncio
import subprocess
import sys

import pytest
from aiokafka import TopicPartition

from consumers.commands.offsets_reset import apply_reset, committed_offsets, plan_reset
from consumers.core.alerts import load_rules
from consumers.errors import GroupNotEmpty
from consumers.kafka.clients import make_consumer
from consumers.nlp.annotator import Annotator
from consumers.runtime.worker import EnrichmentWorker
from consumers.settings import Settings
from schemas import EnrichedArticle, decode
from tests.integration.conftest import read_outputs, worker_env
from tests.integration.history import BETWEEN, EARLIER, LATER, publish_at


async def commit_as_group(settings: Settings, offsets: dict[TopicPartition, int]) -> None:
    consumer = make_consumer(settings.kafka, settings.worker.group_id)
    await consumer.start()
    try:
        consumer.assign(list(offsets))
        await consumer.commit(offsets)
    finally:
        await consumer.stop()


async def test_reset_to_a_timestamp_makes_the_workers_reprocess_from_there(
    settings: Settings, annotator: Annotator
) -> None:
    await publish_at(settings, "early", 3, EARLIER, partition=0)
    await publish_at(settings, "late", 2, LATER, partition=0)
    raw = settings.topics.name("raw")
    p0, p1 = TopicPartition(raw, 0), TopicPartition(raw, 1)
    await commit_as_group(settings, {p0: 5})  # as if the workers had done everything

    plan = await plan_reset(settings, BETWEEN)
    assert plan.appliable and plan.group_id == settings.worker.group_id
    by_partition = {change.partition: change for change in plan.changes}
    assert (by_partition[p0].current, by_partition[p0].target, by_partition[p0].describe) == (5, 3, "re-process 2")
    assert (by_partition[p1].current, by_partition[p1].target, by_partition[p1].describe) == (None, 0, "first commit")
    assert await committed_offsets(settings, settings.worker.group_id, raw) == {p0: 5}, "planning changes nothing"

    await apply_reset(settings, plan)
    assert (await committed_offsets(settings, settings.worker.group_id, raw))[p0] == 3

    await asyncio.wait_for(EnrichmentWorker(settings, annotator, load_rules()).run(until_caught_up=True), 300)
    enriched = [decode(EnrichedArticle, r.value or b"") for r in (await read_outputs(settings))["enriched"]]
    assert sorted(article.id for article in enriched) == ["late-0000", "late-0001"]


async def test_reset_refuses_while_the_group_has_members(settings: Settings) -> None:
    await publish_at(settings, "early", 1, EARLIER, partition=0)
    member = make_consumer(settings.kafka, settings.worker.group_id)
    await member.start()
    try:
        member.subscribe([settings.topics.name("raw")])
        await member.getmany(timeout_ms=5000)  # joined
        plan = await plan_reset(settings, "earliest")
        assert not plan.appliable
        with pytest.raises(GroupNotEmpty):
            await apply_reset(settings, plan)
    finally:
        await member.stop()


def test_reset_command_is_a_dry_run_unless_executed(settings: Settings) -> None:
    asyncio.run(publish_at(settings, "early", 2, EARLIER, partition=1))
    command = [sys.executable, "-m", "consumers.commands.cli", "offsets", "reset", "--to", "latest"]
    env = {**worker_env(settings), "COLUMNS": "160"}
    dry = subprocess.run(command, env=env, capture_output=True, timeout=120, check=False)
    assert dry.returncode == 0, dry.stderr.decode()
    assert "dry run" in dry.stdout.decode() and f"{settings.topics.name('raw')}/1" in dry.stdout.decode()
    group = settings.worker.group_id
    assert asyncio.run(committed_offsets(settings, group, settings.topics.name("raw"))) == {}

    done = subprocess.run([*command, "--execute"], env=env, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert "applied" in done.stdout.decode()
    committed = asyncio.run(committed_offsets(settings, group, settings.topics.name("raw")))
    assert committed[TopicPartition(settings.topics.name("raw"), 1)] == 2
