"""Resetting the worker group's committed offsets: the operational alternative to a replay.

Moving the group back to a timestamp makes the live workers themselves
re-enrich everything since then, into the live topics. A plan is always
computed first and shown per partition (a dry run); applying it needs a
group without running members, as Kafka's own tools require, so no worker
commits over the new offsets.
"""

import argparse
import asyncio
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from aiokafka import TopicPartition
from rich.console import Console
from rich.table import Table

from consumers.errors import GroupNotEmpty
from consumers.kafka.clients import make_admin, make_consumer
from consumers.kafka.read_range import beginnings, ends, offsets_at, parse_timestamp, raw_partitions
from consumers.settings import Settings

Target = datetime | Literal["earliest", "latest"]
_INACTIVE = frozenset({"Empty", "Dead"})


@dataclass(frozen=True, slots=True)
class OffsetChange:
    """One partition's committed offset now (None: never committed) and after the reset."""

    partition: TopicPartition
    current: int | None
    target: int

    @property
    def describe(self) -> str:
        """What the change means for the workers, in words."""
        if self.current is None:
            return "first commit"
        if self.target < self.current:
            return f"re-process {self.current - self.target}"
        if self.target > self.current:
            return f"skip {self.target - self.current}"
        return "unchanged"


@dataclass(frozen=True, slots=True)
class ResetPlan:
    """The changes for every partition of the group's input topic, and the group's state when planned."""

    group_id: str
    state: str
    changes: list[OffsetChange]

    @property
    def appliable(self) -> bool:
        """Whether the group has no running members (its state is Empty, or Dead when it never existed)."""
        return self.state in _INACTIVE


async def group_state(settings: Settings, group_id: str) -> str:
    """The group's state as the coordinator reports it: Empty, Stable, PreparingRebalance, Dead…."""
    admin = make_admin(settings.kafka)
    await admin.start()
    try:
        responses = await admin.describe_consumer_groups([group_id])
    finally:
        await admin.close()
    groups = [group for response in responses for group in response.to_object()["groups"]]
    return str(groups[0]["state"]) if groups else "Dead"


async def committed_offsets(settings: Settings, group_id: str, topic: str) -> dict[TopicPartition, int]:
    """The group's committed offsets on ``topic``."""
    admin = make_admin(settings.kafka)
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(group_id)
    finally:
        await admin.close()
    return {tp: meta.offset for tp, meta in offsets.items() if tp.topic == topic and meta.offset >= 0}


async def plan_reset(settings: Settings, to: Target, group_id: str | None = None) -> ResetPlan:
    """What resetting the group (default: the workers') on the raw topic to ``to`` would change."""
    group_id = group_id or settings.worker.group_id
    raw = settings.topics.name("raw")
    partitions = await raw_partitions(settings)
    consumer = make_consumer(settings.kafka, group_id=None)
    await consumer.start()
    try:
        if to == "earliest":
            targets = await beginnings(consumer, partitions)
        elif to == "latest":
            targets = await ends(consumer, partitions)
        else:
            targets = await offsets_at(consumer, partitions, to)
    finally:
        await consumer.stop()
    current = await committed_offsets(settings, group_id, raw)
    changes = [OffsetChange(tp, current.get(tp), targets[tp]) for tp in partitions]
    return ResetPlan(group_id, await group_state(settings, group_id), changes)


async def apply_reset(settings: Settings, plan: ResetPlan) -> None:
    """Commit the plan's offsets for its group; refuse while the group has running members."""
    state = await group_state(settings, plan.group_id)
    if state not in _INACTIVE:
        raise GroupNotEmpty(f"group {plan.group_id} is {state}: stop its workers first, then reset")
    consumer = make_consumer(settings.kafka, group_id=plan.group_id)
    await consumer.start()
    try:
        consumer.assign([change.partition for change in plan.changes])
        await consumer.commit({change.partition: change.target for change in plan.changes})
    finally:
        await consumer.stop()


def print_plan(plan: ResetPlan, console: Console, applied: bool) -> None:
    """The per-partition table of a plan, and whether it was applied."""
    table = Table("partition", "committed", "new offset", "change", title=f"group {plan.group_id} ({plan.state})")
    for change in plan.changes:
        committed = "-" if change.current is None else str(change.current)
        table.add_row(
            f"{change.partition.topic}/{change.partition.partition}", committed, str(change.target), change.describe
        )
    console.print(table)
    if applied:
        console.print("[bold green]applied[/]: the workers resume from the new offsets")
    elif plan.appliable:
        console.print("dry run: nothing changed; add --execute to apply")
    else:
        console.print(f"dry run: nothing changed; the group is {plan.state}, stop its workers before --execute")


def run_command(settings: Settings, args: argparse.Namespace) -> int:
    """``stancewire offsets reset``: show the plan, and apply it with ``--execute``."""
    to = args.to if args.to in ("earliest", "latest") else parse_timestamp(args.to)
    plan = asyncio.run(plan_reset(settings, to, args.group))
    if args.execute:
        asyncio.run(apply_reset(settings, plan))
    print_plan(plan, Console(), applied=args.execute)
    return 0
