"""The ``stancewire`` command line.

Subcommands: worker, enrich, topics, publish, summary, schemas, ping, bench,
replay, offsets, tail, sink, alerts, eval.
Settings come from ``STANCEWIRE_*`` environment variables (see the README).
"""

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Literal

from aiokafka.errors import KafkaError
from rich.console import Console

from consumers import __version__
from consumers.errors import StancewireError
from consumers.logs import configure_logging
from consumers.settings import Settings
from schemas.topics import KINDS, OUTPUT_KINDS


def _worker(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.alerts import load_rules
    from consumers.annotators import load_annotator
    from consumers.worker import EnrichmentWorker

    annotator = load_annotator(settings)
    rules = load_rules(settings.alerts.rules_file)

    async def run() -> None:
        await EnrichmentWorker(settings, annotator, rules).run(until_caught_up=args.until_caught_up)

    asyncio.run(run())
    return 0


def _enrich(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.alerts import load_rules
    from consumers.annotators import load_annotator
    from consumers.file_mode import enrich_file

    result = enrich_file(
        settings,
        load_annotator(settings),
        load_rules(settings.alerts.rules_file),
        args.input,
        args.output,
        args.dead_letters,
    )
    print(f"{result.enriched} enriched, {result.dead_lettered} dead-lettered", file=sys.stderr)
    return 0


def _topics(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.topics import create_topics

    created = asyncio.run(create_topics(settings, args.partitions))
    print(f"created: {', '.join(created)}" if created else "all topics exist")
    return 0


def _publish(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.publish import publish, read_messages

    count = asyncio.run(publish(settings, read_messages(args.paths)))
    print(f"published {count} messages to {settings.topics.name('raw')}")
    return 0


def _summary(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.summary import print_summary

    asyncio.run(print_summary(settings, Console()))
    return 0


def _schemas(settings: Settings, args: argparse.Namespace) -> int:
    from schemas.export import check_exports, write_exports

    if args.check:
        stale = check_exports(__version__, args.dir)
        for name in stale:
            print(f"stale: {args.dir / name}", file=sys.stderr)
        return 1 if stale else 0
    for path in write_exports(__version__, args.dir):
        print(path)
    return 0


def _ping(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.topics import ping

    asyncio.run(ping(settings, args.timeout))
    print(f"broker at {settings.kafka.bootstrap_servers} answers")
    return 0


def _health(settings: Settings, args: argparse.Namespace) -> int:
    import urllib.error
    import urllib.request

    url = f"http://127.0.0.1:{settings.metrics.port}/{'readyz' if args.ready else 'healthz'}"
    try:
        with urllib.request.urlopen(url, timeout=args.timeout) as response:
            print(response.read().decode())
    except (urllib.error.URLError, OSError) as error:
        print(f"stancewire: {url}: {error}", file=sys.stderr)
        return 1
    return 0


def _bench(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.benchmark import run_bench

    asyncio.run(run_bench(settings, args.articles, Console()))
    return 0


def _replay(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.alerts import load_rules
    from consumers.annotators import load_annotator
    from consumers.errors import ConfigurationError
    from consumers.positions import parse_ranges, parse_timestamp
    from consumers.replay import plan_replay, replay, replay_settings

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


def _offsets_reset(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.offsets import apply_reset, plan_reset, print_plan
    from consumers.positions import parse_timestamp

    to = args.to if args.to in ("earliest", "latest") else parse_timestamp(args.to)
    plan = asyncio.run(plan_reset(settings, to, args.group))
    if args.execute:
        asyncio.run(apply_reset(settings, plan))
    print_plan(plan, Console(), applied=args.execute)
    return 0


def _tail(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.positions import parse_timestamp
    from consumers.tail import print_to, tail

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


def _sink(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.sink import StorageSink

    if args.sqlite:
        settings = settings.model_copy(update={"sink": settings.sink.model_copy(update={"sqlite_path": args.sqlite})})
    where = "PostgreSQL" if settings.sink.postgres_dsn else str(settings.sink.sqlite_path)

    async def run() -> None:
        counts = await StorageSink(settings).run(until_caught_up=args.until_caught_up)
        print(
            f"stored {counts.articles} articles and {counts.stance_events} stance events in {where}"
            + (f" ({counts.skipped} undecodable records skipped)" if counts.skipped else "")
        )

    asyncio.run(run())
    return 0


def _eval(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.evaluation.events import DEFAULT_FILES
    from consumers.evaluation.report import DEFAULT_NEWSMTSC, DEFAULT_QUADCLASS, run_eval

    run_eval(
        settings,
        args.newsmtsc or DEFAULT_NEWSMTSC,
        args.quadclass or DEFAULT_QUADCLASS,
        events=args.events or DEFAULT_FILES,
        articles=args.articles,
    )
    return 0


def _alerts(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.alerts import load_rules
    from consumers.errors import ConfigurationError
    from consumers.escalation.app import build_app, run_worker
    from consumers.topic_reader import topic_partitions

    stance = settings.topics.name("stance")
    partitions = asyncio.run(topic_partitions(settings.kafka, [stance]))
    if not partitions:
        raise ConfigurationError(f"topic {stance} does not exist: run `stancewire topics create` first")
    run_worker(build_app(settings, load_rules(settings.alerts.rules_file), len(partitions)), settings.log_level)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stancewire", description="Enrich news articles on Kafka with entities, stance relations and alerts."
    )
    parser.add_argument("--version", action="version", version=f"stancewire {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    worker = commands.add_parser("worker", help="run the enrichment worker (consumer group)")
    worker.add_argument("--until-caught-up", action="store_true", help="exit once every assigned partition is done")
    worker.set_defaults(run=_worker)

    enrich = commands.add_parser("enrich", help="enrich a JSONL file of raw articles without Kafka")
    enrich.add_argument("--input", default="-", help="JSONL of RawArticle, - for stdin (default)")
    enrich.add_argument("--output", default="-", help="JSONL of EnrichedArticle, - for stdout (default)")
    enrich.add_argument("--dead-letters", help="JSONL of DeadLetter for lines that could not be processed")
    enrich.set_defaults(run=_enrich)

    topics = commands.add_parser("topics", help="manage topics").add_subparsers(dest="action", required=True)
    create = topics.add_parser("create", help="create missing topics")
    create.add_argument("--partitions", type=int, help="partitions per topic (default: topics.partitions)")
    create.set_defaults(run=_topics)

    publish = commands.add_parser("publish", help="publish raw article files to the raw topic")
    publish.add_argument("paths", nargs="+", type=Path, help=".json (one message) / .jsonl files or directories")
    publish.set_defaults(run=_publish)

    summary = commands.add_parser("summary", help="print what is on the output topics")
    summary.set_defaults(run=_summary)

    schemas = commands.add_parser("schemas", help="message schemas").add_subparsers(dest="action", required=True)
    export = schemas.add_parser("export", help="write JSON Schema files and the AsyncAPI document")
    export.add_argument("--dir", type=Path, default=Path("schemas/generated"))
    export.add_argument("--check", action="store_true", help="only report stale files (exit 1 if any)")
    export.set_defaults(run=_schemas)

    ping = commands.add_parser("ping", help="exit 0 when the broker answers (container health check)")
    ping.add_argument("--timeout", type=float, default=10.0)
    ping.set_defaults(run=_ping)

    health = commands.add_parser("health", help="exit 0 when the local worker is alive (or --ready)")
    health.add_argument("--ready", action="store_true", help="check readiness (/readyz) instead of liveness")
    health.add_argument("--timeout", type=float, default=5.0)
    health.set_defaults(run=_health)

    bench = commands.add_parser("bench", help="measure throughput through the broker vs the NLP alone")
    bench.add_argument("--articles", type=int, default=64, help="articles per measurement")
    bench.set_defaults(run=_bench)
    replay = commands.add_parser("replay", help="re-enrich a range of the raw topic with its own group, then exit")
    start = replay.add_mutually_exclusive_group()
    start.add_argument("--from-beginning", action="store_true", help="every stored record (the default)")
    start.add_argument("--since", metavar="TIME", help="from the first record at or after TIME (ISO 8601, UTC default)")
    start.add_argument("--offsets", nargs="+", metavar="P:START-END", help="per partition, START to END (exclusive)")
    replay.add_argument("--until", metavar="TIME", help="stop before the first record at or after TIME")
    replay.add_argument("--into-version", metavar="SUFFIX", help="write to <output topic>.SUFFIX, e.g. v2 (created)")
    replay.add_argument("--enrichment-version", help="version recorded in every event and id (default: the setting)")
    replay.add_argument("--group", help="consumer group of the replay (default: <worker group>-replay)")
    replay.set_defaults(run=_replay)
    offsets = commands.add_parser("offsets", help="consumer group offsets").add_subparsers(dest="action", required=True)
    reset = offsets.add_parser("reset", help="move the worker group to a timestamp (dry run unless --execute)")
    reset.add_argument("--to", required=True, metavar="TIME", help="ISO 8601 time (UTC default), earliest or latest")
    reset.add_argument("--group", help="consumer group (default: the workers', STANCEWIRE_WORKER__GROUP_ID)")
    reset.add_argument("--execute", action="store_true", help="apply the change (the group must have no members)")
    reset.set_defaults(run=_offsets_reset)
    tail = commands.add_parser("tail", help="pretty-print a topic live (or from a time), filtered by entity")
    tail.add_argument("topic", help=f"{', '.join(KINDS)} (prefix added) or a full topic name")
    start = tail.add_mutually_exclusive_group()
    start.add_argument("--since", metavar="TIME", help="from the first record at or after TIME (ISO 8601, UTC default)")
    start.add_argument("--from-beginning", action="store_true", help="from the oldest stored record")
    tail.add_argument("--entity", action="append", default=[], help="only records naming it (id or name; repeatable)")
    tail.add_argument("--max", type=int, metavar="N", help="exit after N records")
    tail.set_defaults(run=_tail)
    sink = commands.add_parser("sink", help="store enriched articles and stance events in SQLite or PostgreSQL")
    sink.add_argument("--sqlite", type=Path, metavar="FILE", help="SQLite file (default: STANCEWIRE_SINK__SQLITE_PATH)")
    sink.add_argument("--until-caught-up", action="store_true", help="exit once every assigned partition is stored")
    sink.set_defaults(run=_sink)
    evaluate = commands.add_parser("eval", help="print annotation quality and speed figures in one table")
    evaluate.add_argument(
        "--newsmtsc", type=Path, action="append", help="NewsMTSC-format file to score (repeatable; default: dev splits)"
    )
    evaluate.add_argument("--quadclass", type=Path, help="quad-class TSV to score (default: the held-out UN sentences)")
    evaluate.add_argument(
        "--events",
        type=Path,
        action="append",
        help="coded event file to score (repeatable; default: dev, dev2 and test)",
    )
    evaluate.add_argument("--articles", type=int, default=32, help="articles timed for the speed figure")
    evaluate.set_defaults(run=_eval)
    alerts = commands.add_parser("alerts", help="run the escalation alert app (faust): windowed counts per pair")
    alerts.set_defaults(run=_alerts)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``stancewire`` console script."""
    args = _parser().parse_args(argv)
    settings = Settings()
    configure_logging(settings.log_level, settings.log_format)
    try:
        return int(args.run(settings, args))
    except StancewireError as error:
        print(f"stancewire: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    except (KafkaError, TimeoutError) as error:
        print(
            f"stancewire: cannot talk to Kafka at {settings.kafka.bootstrap_servers}: {type(error).__name__}: {error}",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
