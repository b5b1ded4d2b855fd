"""Replaying history: re-enrich a range of ``articles.raw`` through the current models.

A replay reads fixed partitions from fixed start offsets up to the end offsets
taken when it starts (records published meanwhile are left to the live
workers), with a consumer group of its own, so the live group's offsets are
never touched. Its output goes to the live topics or to versioned ones
(``articles.enriched.v2``, created if missing), and every event records the
enrichment version. Event ids derive from the article, the version and the
relation, so replaying the same input with the same models and version
yields the same ids: subscribers drop the repeats.
"""

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from aiokafka import TopicPartition
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from consumers.core.alerts import RuleSet, load_rules
from consumers.errors import ConfigurationError, ReplayInterrupted
from consumers.kafka.admin import create_topics
from consumers.kafka.clients import make_consumer
from consumers.kafka.read_range import (
    OffsetRange,
    beginnings,
    ends,
    offsets_at,
    parse_ranges,
    parse_timestamp,
    raw_partitions,
)
from consumers.nlp.annotator import Annotation, Annotator
from consumers.runtime.annotators import load_annotator
from consumers.runtime.worker import EnrichmentWorker
from consumers.settings import Settings
from schemas import RawArticle, Versions
from schemas.topics import OUTPUT_KINDS


@dataclass(frozen=True, slots=True)
class ReplayPlan:
    """Per partition of the raw topic, the offsets to re-enrich: ``starts[tp]`` up to ``ends[tp]`` (exclusive)."""

    starts: dict[TopicPartition, int]
    ends: dict[TopicPartition, int]

    @property
    def total(self) -> int:
        """Offsets in the plan (an upper bound on records: transaction markers take offsets too)."""
        return sum(self.ends[tp] - start for tp, start in self.starts.items())

    def done(self, committed: dict[TopicPartition, int] | None = None) -> int:
        """Offsets behind the ``committed`` positions."""
        committed = committed or {}
        return sum(min(committed.get(tp, start), self.ends[tp]) - start for tp, start in self.starts.items())


class _RecordingVersion:
    """The models of ``annotator``, with the replay's enrichment version recorded in events and ids."""

    def __init__(self, annotator: Annotator, enrichment_version: str) -> None:
        self._annotator = annotator
        self._versions = annotator.versions.model_copy(update={"enrichment": enrichment_version})

    @property
    def versions(self) -> Versions:
        return self._versions

    def annotate(self, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
        return self._annotator.annotate(articles)


def replay_settings(
    settings: Settings, into_version: str | None, enrichment_version: str | None, group_id: str | None
) -> Settings:
    """Settings for a replay: its own group; outputs ``<topic>.<into_version>`` when asked; the version recorded."""
    topics = settings.topics
    if into_version:
        if not into_version.replace("-", "").replace("_", "").isalnum():
            raise ConfigurationError(f"version suffix {into_version!r} must be letters, digits, - or _ (e.g. v2)")
        topics = topics.model_copy(update={name: f"{getattr(topics, name)}.{into_version}" for name in OUTPUT_KINDS})
    # its own group, and transactional ids of its own: the live workers' would fence each other with the replay
    group = group_id or f"{settings.worker.group_id}-replay"
    worker = settings.worker.model_copy(update={"group_id": group, "transactional_id_prefix": None})
    update: dict[str, object] = {"topics": topics, "worker": worker}
    if enrichment_version:
        update["enrichment_version"] = enrichment_version
    return settings.model_copy(update=update)


async def plan_replay(
    settings: Settings,
    since: datetime | None = None,
    until: datetime | None = None,
    ranges: list[OffsetRange] | None = None,
) -> ReplayPlan:
    """Resolve what to replay: everything (default), from ``since`` / to ``until``, or explicit ``ranges``."""
    raw = settings.topics.name("raw")
    partitions = await raw_partitions(settings)
    consumer = make_consumer(settings.kafka, group_id=None)
    await consumer.start()
    try:
        first, last = await beginnings(consumer, partitions), await ends(consumer, partitions)
        starts = await offsets_at(consumer, partitions, since) if since else dict(first)
        stops = await offsets_at(consumer, partitions, until) if until else dict(last)
    finally:
        await consumer.stop()
    if ranges:
        by_partition = {tp.partition: tp for tp in partitions}
        unknown = sorted({r.partition for r in ranges} - set(by_partition))
        if unknown:
            raise ConfigurationError(f"{raw} has no partition {unknown[0]} (it has {len(partitions)})")
        picked = {by_partition[r.partition]: r for r in ranges}
        starts = {tp: max(first[tp], r.start if r.start is not None else first[tp]) for tp, r in picked.items()}
        stops = {tp: min(last[tp], r.end if r.end is not None else last[tp]) for tp, r in picked.items()}
    work = {tp: start for tp, start in starts.items() if start < stops[tp]}
    return ReplayPlan(starts=work, ends={tp: stops[tp] for tp in work})


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]replay"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("offsets"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
    )


async def replay(
    settings: Settings, annotator: Annotator, rules: RuleSet, plan: ReplayPlan, console: Console | None = None
) -> int:
    """Re-enrich ``plan`` with ``settings``' topics, group and version; return the offsets replayed.

    Shows a progress bar with an ETA toward the plan's end offsets and returns
    once every partition is processed and committed up to its end.

    Raises:
        ReplayInterrupted: SIGTERM or SIGINT stopped it first (what was done is committed).
    """
    if not plan.starts:
        return 0
    await create_topics(settings)  # versioned outputs, when missing
    versioned = _RecordingVersion(annotator, settings.enrichment_version)
    worker = EnrichmentWorker(settings, versioned, rules, start_offsets=plan.starts, end_offsets=plan.ends)
    with _progress(console or Console(stderr=True)) as progress:
        task = progress.add_task("replay", total=plan.total)
        running = asyncio.create_task(worker.run())
        try:
            while not running.done():
                progress.update(task, completed=plan.done(dict(worker.committed)))
                await asyncio.wait({running}, timeout=0.25)
            await running
        finally:
            if not running.done():
                running.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await running
        if worker.stop_requested:
            raise ReplayInterrupted(plan.done(dict(worker.committed)), plan.total)
        progress.update(task, completed=plan.total)
    return plan.total


def run_command(settings: Settings, args: argparse.Namespace) -> int:
    """``stancewire replay``: plan the range, re-enrich it, say where it went."""
    if args.offsets and args.until:
        raise ConfigurationError("--offsets gives the end of each range; --until goes with --since or alone")
    settings = replay_settings(settings, args.into_version, args.enrichment_version, args.group)
    since = parse_timestamp(args.since) if args.since else None
    until = parse_timestamp(args.until) if args.until else None
    ranges = parse_ranges(args.offsets) if args.offsets else None
    plan = asyncio.run(plan_replay(settings, since, until, ranges))
    if not plan.starts:
        print("nothing to replay in that range", file=sys.stderr)
        return 0
    annotator = load_annotator(settings)
    total = asyncio.run(replay(settings, annotator, load_rules(settings.alerts.rules_file), plan))
    outputs = ", ".join(settings.topics.name(kind) for kind in OUTPUT_KINDS)
    print(
        f"replayed {total} offsets of {settings.topics.name('raw')} into {outputs} "
        f"(enrichment version {settings.enrichment_version}, group {settings.worker.group_id})"
    )
    return 0
