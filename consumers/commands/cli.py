"""The ``stancewire`` command line.

Subcommands: worker, enrich, topics, publish, summary, schemas, ping, bench,
replay, offsets, tail, sink, alerts, eval, web.
Settings come from ``STANCEWIRE_*`` environment variables (see the README).
"""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aiokafka.errors import KafkaError
from pydantic import ValidationError
from pydantic_settings import SettingsError

from consumers import __version__
from consumers.commands import handlers
from consumers.commands.extras import missing_models
from consumers.errors import StancewireError
from consumers.runtime.logs import configure_logging
from consumers.settings import Settings
from schemas.topics import KINDS

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
    worker.set_defaults(run=handlers.worker)

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
    enrich.set_defaults(run=handlers.command("consumers.commands.enrich_file"))

    topics = commands.add_parser("topics", help="manage topics").add_subparsers(dest="action", required=True)
    create = topics.add_parser("create", help="create missing topics")
    create.add_argument("--partitions", type=int, help="partitions per topic (default: topics.partitions)")
    create.set_defaults(run=handlers.topics)

    publish = commands.add_parser("publish", help="publish raw article files to the raw topic")
    publish.add_argument("paths", nargs="+", type=Path, help=".json (one message) / .jsonl files or directories")
    publish.set_defaults(run=handlers.publish)

    summary = commands.add_parser("summary", help="print what is on the output topics")
    summary.set_defaults(run=handlers.summary)

    schemas = commands.add_parser("schemas", help="message schemas").add_subparsers(dest="action", required=True)
    export = schemas.add_parser("export", help="write JSON Schema files and the AsyncAPI document")
    export.add_argument("--dir", type=Path, default=Path("schemas/generated"))
    export.add_argument("--check", action="store_true", help="only report stale files (exit 1 if any)")
    export.set_defaults(run=handlers.schemas)
    compat = schemas.add_parser("compat", help="exit 1 if the models break the last released schemas")
    compat.add_argument("--against", type=Path, metavar="DIR", help="released schemas (default: the newest)")
    compat.set_defaults(run=handlers.schemas_compat)
    release = schemas.add_parser("release", help="keep the current schemas as this version's release (once)")
    release.set_defaults(run=handlers.schemas_release)


def _operations_commands(commands: Any) -> None:
    ping = commands.add_parser("ping", help="exit 0 when the broker answers (container health check)")
    ping.add_argument("--timeout", type=float, default=10.0)
    ping.set_defaults(run=handlers.ping)

    health = commands.add_parser("health", help="exit 0 when the local worker is alive (or --ready)")
    health.add_argument("--ready", action="store_true", help="check readiness (/readyz) instead of liveness")
    health.add_argument("--timeout", type=float, default=5.0)
    health.set_defaults(run=handlers.health)

    bench = commands.add_parser("bench", help="measure throughput through the broker vs the NLP alone")
    bench.add_argument("--articles", type=int, default=64, help="articles per measurement")
    bench.set_defaults(run=handlers.bench)
    replay = commands.add_parser("replay", help="re-enrich a range of the raw topic with its own group, then exit")
    start = replay.add_mutually_exclusive_group()
    start.add_argument("--from-beginning", action="store_true", help="every stored record (the default)")
    start.add_argument("--since", metavar="TIME", help="from the first record at or after TIME (ISO 8601, UTC default)")
    start.add_argument("--offsets", nargs="+", metavar="P:START-END", help="per partition, START to END (exclusive)")
    replay.add_argument("--until", metavar="TIME", help="stop before the first record at or after TIME")
    replay.add_argument("--into-version", metavar="SUFFIX", help="write to <output topic>.SUFFIX, e.g. v2 (created)")
    replay.add_argument("--enrichment-version", help="version recorded in every event and id (default: the setting)")
    replay.add_argument("--group", help="consumer group of the replay (default: <worker group>-replay)")
    replay.set_defaults(run=handlers.command("consumers.commands.replay"))
    offsets = commands.add_parser("offsets", help="consumer group offsets").add_subparsers(dest="action", required=True)
    reset = offsets.add_parser("reset", help="move the worker group to a timestamp (dry run unless --execute)")
    reset.add_argument("--to", required=True, metavar="TIME", help="ISO 8601 time (UTC default), earliest or latest")
    reset.add_argument("--group", help="consumer group (default: the workers', STANCEWIRE_WORKER__GROUP_ID)")
    reset.add_argument("--execute", action="store_true", help="apply the change (the group must have no members)")
    reset.set_defaults(run=handlers.command("consumers.commands.offsets_reset"))


def _subscriber_commands(commands: Any) -> None:
    tail = commands.add_parser("tail", help="pretty-print a topic live (or from a time), filtered by entity")
    tail.add_argument("topic", help=f"{', '.join(KINDS)} (prefix added) or a full topic name")
    start = tail.add_mutually_exclusive_group()
    start.add_argument("--since", metavar="TIME", help="from the first record at or after TIME (ISO 8601, UTC default)")
    start.add_argument("--from-beginning", action="store_true", help="from the oldest stored record")
    tail.add_argument("--entity", action="append", default=[], help="only records naming it (id or name; repeatable)")
    tail.add_argument("--max", type=int, metavar="N", help="exit after N records")
    tail.set_defaults(run=handlers.command("consumers.commands.tail"))
    sink = commands.add_parser("sink", help="store enriched articles and stance events in SQLite or PostgreSQL")
    sink.add_argument("--sqlite", type=Path, metavar="FILE", help="SQLite file (default: STANCEWIRE_SINK__SQLITE_PATH)")
    sink.add_argument("--until-caught-up", action="store_true", help="exit once every assigned partition is stored")
    sink.set_defaults(run=handlers.sink)
    evaluate = commands.add_parser("eval", help="print annotation quality and speed figures in one table")
    evaluate.add_argument(
        "--newsmtsc", type=Path, action="append", help="NewsMTSC-format file to score (repeatable; default: dev splits)"
    )
    evaluate.add_argument("--quadclass", type=Path, help="quad-class TSV to score (default: the held-out UN sentences)")
    evaluate.add_argument(
        "--events",
        type=Path,
        action="append",
        help="coded event file to score (repeatable; default: dev, dev2 ... dev17 and test)",
    )
    evaluate.add_argument("--articles", type=int, default=32, help="articles timed for the speed figure")
    evaluate.add_argument(
        "--data-dir", type=Path, metavar="DIR", help="labelled data (default: STANCEWIRE_DATA_DIR, else ../shared/data)"
    )
    evaluate.set_defaults(run=handlers.evaluate)
    alerts = commands.add_parser("alerts", help="run the escalation alert app (faust): windowed counts per pair")
    alerts.set_defaults(run=handlers.alerts)
    web = commands.add_parser("web", help="serve the stance map: the sink's graph, live from the broker")
    web.add_argument("--host", help="interface (default: STANCEWIRE_WEB__HOST, 127.0.0.1)")
    web.add_argument("--port", type=int, help="port, 0 for a free one (default: STANCEWIRE_WEB__PORT)")
    web.set_defaults(run=handlers.command("consumers.apps.web.command"))


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
