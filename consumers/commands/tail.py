"""``stancewire tail``: pretty-print a topic live, or from a timestamp, filtered by entity.

It reads without a consumer group (nothing is committed, no group is
disturbed): every partition from its end, its beginning, or the first record
at or after a timestamp. Values are decoded with the topic's own model, so
what a subscriber would receive is what is shown.
"""

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from aiokafka import TopicPartition
from pydantic import BaseModel, ValidationError
from rich.console import Console
from rich.markup import escape

from consumers.errors import ConfigurationError
from consumers.kafka.clients import make_consumer
from consumers.kafka.read_range import beginnings, ends, offsets_at, parse_timestamp
from consumers.kafka.reader import ReadRecord, read_record, topic_partitions
from consumers.settings import Settings
from schemas import Alert, DeadLetter, EnrichedArticle, RawArticle, StanceEvent, decode
from schemas.topics import KINDS, TOPICS, TopicKind

_COLOURS = {"cooperative": "green", "hostile": "red", "neutral": "yellow"}


@dataclass(frozen=True, slots=True)
class Shown:
    """One record as tail sees it: the record as read, and its value decoded (the bytes where it could not be)."""

    record: ReadRecord
    value: BaseModel | bytes | None


def resolve_topic(settings: Settings, name: str) -> tuple[str, TopicKind | None]:
    """A short name (``stance``, ``enriched``…) or a full topic name → the topic and the kind of its values."""
    if name in KINDS:
        return settings.topics.name(name), name
    for kind in KINDS:
        if settings.topics.name(kind) == name:
            return name, kind
    return name, None


def decode_value(kind: TopicKind | None, value: bytes | None) -> BaseModel | bytes | None:
    """The value as its topic's model; the bytes unchanged for dead letters, unknown topics and bad values."""
    model: type[BaseModel] | None = TOPICS[kind].model if kind and TOPICS[kind].json_value else None
    if model is None or value is None:
        return value
    try:
        return decode(model, value)
    except (ValueError, ValidationError):
        return value


def mentioned(value: BaseModel | bytes | None) -> set[str]:
    """Entity ids and names in a value, lower-cased (what ``--entity`` matches against)."""
    if isinstance(value, EnrichedArticle):
        return {text.lower() for entity in value.entities for text in (entity.id, entity.name)}
    if isinstance(value, StanceEvent):
        return {text.lower() for text in (value.source, value.source_name, value.target, value.target_name)}
    if isinstance(value, Alert):
        return {entity.lower() for entity in value.entities}
    return set()


def matches(value: BaseModel | bytes | None, entities: Iterable[str]) -> bool:
    """Whether the value names any of ``entities`` (ids or names, any case); no entities: everything."""
    wanted = {entity.lower() for entity in entities}
    return not wanted or not wanted.isdisjoint(mentioned(value))


def render(shown: Shown) -> str:
    """One record as console markup: where and when, then what it says."""
    record = shown.record
    when = datetime.fromtimestamp(record.timestamp_ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S")
    where = f"[dim]{when} p{record.partition}@{record.offset}[/]"
    return f"{where} {_describe(shown)}"


def _describe(shown: Shown) -> str:
    value = shown.value
    if isinstance(value, StanceEvent):
        colour = _COLOURS[value.stance]
        return (
            f"[bold]{escape(value.source_name)}[/] [{colour}]{value.stance}[/] → [bold]{escape(value.target_name)}[/]"
            f" ({value.confidence:.2f}, {escape(value.article_id)}): {escape(value.evidence.text)}"
        )
    if isinstance(value, EnrichedArticle):
        entities = ", ".join(escape(entity.name) for entity in value.entities)
        relations = "; ".join(
            f"{escape(r.source_name)} [{_COLOURS[r.stance]}]{r.stance}[/] → {escape(r.target_name)}"
            for r in value.stances
        )
        return f"[bold]{escape(value.title)}[/] ({escape(value.id)})\n  entities: {entities}\n  stances: {relations}"
    if isinstance(value, Alert):
        return f"[bold red]{value.severity.value}[/] {escape(value.rule_id)}: {escape(value.summary)}"
    if isinstance(value, RawArticle):
        return f"[bold]{escape(value.title)}[/] ({escape(value.id)}, {escape(value.source)})"
    headers = shown.record.headers
    if headers and any(name.startswith("stancewire-") for name, _ in headers):
        letter = DeadLetter.from_record(None, value if isinstance(value, bytes) else None, headers)
        return f"[bold]{letter.error_class}[/] from {letter.source_topic}/{letter.source_partition}@" + (
            f"{letter.source_offset}: {escape(letter.reason)}"
        )
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else "<no value>"
    return escape(text)


async def _starts(
    settings: Settings, partitions: list[TopicPartition], since: datetime | str
) -> dict[TopicPartition, int]:
    consumer = make_consumer(settings.kafka, group_id=None)
    await consumer.start()
    try:
        if since == "beginning":
            return await beginnings(consumer, partitions)
        if since == "end":
            return await ends(consumer, partitions)
        if isinstance(since, datetime):
            return await offsets_at(consumer, partitions, since)
    finally:
        await consumer.stop()
    raise ConfigurationError(f"cannot start at {since!r}")


async def tail(
    settings: Settings,
    name: str,
    show: Callable[[Shown], None],
    since: datetime | Literal["beginning", "end"] = "end",
    entities: Iterable[str] = (),
    max_records: int | None = None,
    on_ready: Callable[[str], None] | None = None,
) -> int:
    """Show the matching records of topic ``name`` as they arrive; return how many were shown.

    Runs until cancelled (Ctrl-C), or until ``max_records`` were shown.
    """
    topic, kind = resolve_topic(settings, name)
    partitions = await topic_partitions(settings.kafka, [topic])
    if not partitions:
        raise ConfigurationError(f"topic {topic} does not exist")
    starts = await _starts(settings, partitions, since)
    wanted = list(entities)
    consumer = make_consumer(settings.kafka, group_id=None)
    await consumer.start()
    shown = 0
    try:
        consumer.assign(partitions)
        for tp, offset in starts.items():
            consumer.seek(tp, offset)
        if on_ready:
            on_ready(topic)
        while max_records is None or shown < max_records:
            fetched = await consumer.getmany(timeout_ms=500)
            for record in (r for records in fetched.values() for r in records):
                value = decode_value(kind, record.value)
                if not matches(value, wanted):
                    continue
                show(Shown(read_record(record), value))
                shown += 1
                if max_records is not None and shown >= max_records:
                    break
    finally:
        await consumer.stop()
    return shown


def print_to(console: Console) -> Callable[[Shown], None]:
    """A ``show`` callback that prints each record to ``console``."""

    def show(shown: Shown) -> None:
        console.print(render(shown), highlight=False, soft_wrap=True)

    return show


def run_command(settings: Settings, args: argparse.Namespace) -> int:
    """``stancewire tail``: print the topic until Ctrl-C (or ``--max`` records)."""
    since: datetime | Literal["beginning", "end"] = "end"
    if args.from_beginning:
        since = "beginning"
    elif args.since:
        since = parse_timestamp(args.since)

    def ready(topic: str) -> None:
        print(f"tailing {topic} (Ctrl-C to stop)", file=sys.stderr, flush=True)

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(tail(settings, args.topic, print_to(Console()), since, args.entity, args.max, ready))
    return 0
