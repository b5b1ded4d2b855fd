"""The ``stancewire`` command line.

Subcommands: worker, enrich, topics, publish, summary, schemas, ping, bench,
replay, offsets, tail, sink, alerts, eval, web.
Settings come from ``STANCEWIRE_*`` environment variables (see the README).
"""

import argparse
import asyncio
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aiokafka.errors import KafkaError
from pydantic import ValidationError
from pydantic_settings import SettingsError
from rich.console import Console

from consumers import __version__
from consumers.commands.extras import missing_models
from consumers.errors import StancewireError
from consumers.runtime.logs import configure_logging
from consumers.settings import Settings
from schemas.topics import KINDS


def _worker(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.core.alerts import load_rules
    from consumers.runtime.annotators import load_annotator
    from consumers.runtime.worker import EnrichmentWorker

    annotator = load_annotator(settings)
    rules = load_rules(settings.alerts.rules_file)

    async def run() -> None:
        await EnrichmentWorker(settings, annotator, rules).run(until_caught_up=args.until_caught_up)

    asyncio.run(run())
    return 0


def _topics(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.kafka.admin import create_topics

    created = asyncio.run(create_topics(settings, args.partitions))
    print(f"created: {', '.join(created)}" if created else "all topics exist")
    return 0


def _publish(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.commands.publish import publish, read_messages

    count = asyncio.run(publish(settings, read_messages(args.paths)))
    print(f"published {count} messages to {settings.topics.name('raw')}")
    return 0


def _summary(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.commands.summary import print_summary

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


def _schemas_compat(settings: Settings, args: argparse.Namespace) -> int:
    from schemas.compat import latest_release, release_breaks
    from schemas.export import inbound_schema_files, json_schemas

    try:
        released = args.against or latest_release()
        changes = release_breaks(json_schemas(), inbound_schema_files(), released)
    except FileNotFoundError as error:
        print(f"stancewire: {error}", file=sys.stderr)
        return 2
    for change in changes:
        print(f"breaking: {change}", file=sys.stderr)
    if not changes:
        print(f"compatible with {released}")
    return 1 if changes else 0


def _schemas_release(settings: Settings, args: argparse.Namespace) -> int:
    from schemas.compat import write_release
    from schemas.export import json_schemas

    print(write_release(__version__, json_schemas()))
    return 0


def _ping(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.kafka.admin import ping

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
    from consumers.commands.benchmark import run_bench

    asyncio.run(run_bench(settings, args.articles, Console()))
    return 0


def _sink(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.apps.sink import StorageSink

    if args.sqlite:
        settings = settings.model_copy(update={"sink": settings.sink.model_copy(update={"sqlite_path": args.sqlite})})
    where = "PostgreSQL" if settings.sink.postgres_dsn else str(settings.sink.sqlite_path)

    async def run() -> None:
        counts = await StorageSink(settings).run(until_caught_up=args.until_caught_up)
        print(
            f"stored {counts.articles} articles and {counts.stance_events} stance events in {where}"
            + (f" ({counts.dead_lettered} records into sink_dead_letters)" if counts.dead_lettered else "")
        )

    asyncio.run(run())
    return 0


def _eval(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.commands.evaluation.events import DEFAULT_FILES
    from consumers.commands.evaluation.report import run_eval

    run_eval(
        settings,
        args.newsmtsc,
        args.quadclass,
        events=args.events or DEFAULT_FILES,
        articles=args.articles,
        data=args.data_dir,
    )
    return 0


def _alerts(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.apps.escalation.app import build_app, run_worker
    from consumers.apps.escalation.changelogs import declare_changelogs
    from consumers.core.alerts import load_rules
    from consumers.core.alerts.rules import EscalationRule
    from consumers.errors import ConfigurationError
    from consumers.kafka.reader import topic_partitions

    stance = settings.topics.name("stance")
    partitions = asyncio.run(topic_partitions(settings.kafka, [stance]))
    if not partitions:
        raise ConfigurationError(f"topic {stance} does not exist: run `stancewire topics create` first")
    rules = load_rules(settings.alerts.rules_file)
    asyncio.run(declare_changelogs(settings, rules.escalation or EscalationRule(), len(partitions)))
    run_worker(build_app(settings, rules, len(partitions)), settings.log_level)
    return 0


def _command(module: str) -> Callable[[Settings, argparse.Namespace], int]:
    """``module.run_command``, imported when the command runs (some load models or Kafka clients)."""

    def run(settings: Settings, args: argparse.Namespace) -> int:
        return int(importlib.import_module(module).run_command(settings, args))

    return run


FILE_MODE = (
    "Runs the worker's enrichment on a JSONL file of raw articles (one message a line), without Kafka, and "
    "writes exactly the records the worker would publish. With --output-dir, one file per output topic, "
    "DIR/<topic>.jsonl (prefix included): enriched articles, stance events and alerts as their values, byte for "
    "byte; dead letters as DeadLetter JSON (the record's headers, the original key and value in base64). "
    "Without --output-dir, enriched articles go to stdout."
)


def _pipeline_commands(commands: Any) -> None:
    worker = commands.add_parser("worker", help="run the enrichment worker (consumer group)")
    worker.add_argument("--until-caught-up", action="store_true", help="exit once every assigned partition is done")
    worker.set_defaults(run=_worker)

    enrich = commands.add_parser(
        "enrich", help="the worker's records for a JSONL file, without Kafka", description=FILE_MODE
    )
    enrich.add_argument("--input", default="-", help="JSONL of raw articles, - for stdin (default)")
    enrich.add_argument(
        "--output-dir", type=Path, metavar="DIR", help="every output topic's records, DIR/<topic>.jsonl"
    )
    enrich.add_argument("--output", help="JSONL of EnrichedArticle, - for stdout (the default without --output-dir)")
    enrich.add_argument(
        "--dead-letters", help="JSONL of DeadLetter for lines that could not be processed (- for stderr)"
    )
    enrich.set_defaults(run=_command("consumers.commands.enrich_file"))

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
    compat = schemas.add_parser("compat", help="exit 1 if the models break the last released schemas")
    compat.add_argument("--against", type=Path, metavar="DIR", help="released schemas (default: the newest)")
    compat.set_defaults(run=_schemas_compat)
    release = schemas.add_parser("release", help="keep the current schemas as this version's release (once)")
    release.set_defaults(run=_schemas_release)


def _operations_commands(commands: Any) -> None:
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
    replay.set_defaults(run=_command("consumers.commands.replay"))
    offsets = commands.add_parser("offsets", help="consumer group offsets").add_subparsers(dest="action", required=True)
    reset = offsets.add_parser("reset", help="move the worker group to a timestamp (dry run unless --execute)")
    reset.add_argument("--to", required=True, metavar="TIME", help="ISO 8601 time (UTC default), earliest or latest")
    reset.add_argument("--group", help="consumer group (default: the workers', STANCEWIRE_WORKER__GROUP_ID)")
    reset.add_argument("--execute", action="store_true", help="apply the change (the group must have no members)")
    reset.set_defaults(run=_command("consumers.commands.offsets_reset"))


def _subscriber_commands(commands: Any) -> None:
    tail = commands.add_parser("tail", help="pretty-print a topic live (or from a time), filtered by entity")
    tail.add_argument("topic", help=f"{', '.join(KINDS)} (prefix added) or a full topic name")
    start = tail.add_mutually_exclusive_group()
    start.add_argument("--since", metavar="TIME", help="from the first record at or after TIME (ISO 8601, UTC default)")
    start.add_argument("--from-beginning", action="store_true", help="from the oldest stored record")
    tail.add_argument("--entity", action="append", default=[], help="only records naming it (id or name; repeatable)")
    tail.add_argument("--max", type=int, metavar="N", help="exit after N records")
    tail.set_defaults(run=_command("consumers.commands.tail"))
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
        help="coded event file to score (repeatable; default: dev, dev2, dev3, dev4 and test)",
    )
    evaluate.add_argument("--articles", type=int, default=32, help="articles timed for the speed figure")
    evaluate.add_argument(
        "--data-dir", type=Path, metavar="DIR", help="labelled data (default: STANCEWIRE_DATA_DIR, else ../shared/data)"
    )
    evaluate.set_defaults(run=_eval)
    alerts = commands.add_parser("alerts", help="run the escalation alert app (faust): windowed counts per pair")
    alerts.set_defaults(run=_alerts)
    web = commands.add_parser("web", help="serve the stance map: the sink's graph, live from the broker")
    web.add_argument("--host", help="interface (default: STANCEWIRE_WEB__HOST, 127.0.0.1)")
    web.add_argument("--port", type=int, help="port, 0 for a free one (default: STANCEWIRE_WEB__PORT)")
    web.set_defaults(run=_command("consumers.apps.web.command"))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stancewire", description="Enrich news articles on Kafka with entities, stance relations and alerts."
    )
    parser.add_argument("--version", action="version", version=f"stancewire {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    _pipeline_commands(commands)
    _operations_commands(commands)
    _subscriber_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``stancewire`` console script."""
    args = _parser().parse_args(argv)
    try:
        settings = Settings()
    except (ValidationError, SettingsError) as error:
        from consumers.commands.settings_errors import describe

        for line in describe(error):
            print(f"stancewire: {line}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level, settings.log_format)
    try:
        return int(args.run(settings, args))
    except StancewireError as error:
        print(f"stancewire: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as error:
        if (missing := missing_models(error, args.command)) is None:
            raise
        print(missing, file=sys.stderr)
        return 2
    except (KafkaError, TimeoutError) as error:
        print(
            f"stancewire: cannot talk to Kafka at {settings.kafka.bootstrap_servers}: {type(error).__name__}: {error}",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
