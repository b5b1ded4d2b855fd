"""The ``stancewire`` command line.

Subcommands: worker, enrich, topics, publish, summary, schemas, ping, bench.
Settings come from ``STANCEWIRE_*`` environment variables (see the README).
"""

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

from aiokafka.errors import KafkaError
from rich.console import Console

from consumers import __version__
from consumers.errors import StancewireError
from consumers.logs import configure_logging
from consumers.settings import Settings


def _worker(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.alerts import load_rules
    from consumers.nlp.pipeline import build_annotator
    from consumers.worker import EnrichmentWorker

    annotator = build_annotator(settings)
    rules = load_rules(settings.alerts.rules_file)

    async def run() -> None:
        await EnrichmentWorker(settings, annotator, rules).run(until_caught_up=args.until_caught_up)

    asyncio.run(run())
    return 0


def _enrich(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.alerts import load_rules
    from consumers.file_mode import enrich_file
    from consumers.nlp.pipeline import build_annotator

    result = enrich_file(
        settings,
        build_annotator(settings),
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
        stale = check_exports(args.dir)
        for name in stale:
            print(f"stale: {args.dir / name}", file=sys.stderr)
        return 1 if stale else 0
    for path in write_exports(args.dir):
        print(path)
    return 0


def _ping(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.topics import ping

    asyncio.run(ping(settings, args.timeout))
    print(f"broker at {settings.kafka.bootstrap_servers} answers")
    return 0


def _bench(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.bench import run_bench

    asyncio.run(run_bench(settings, args.articles, Console()))
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

    bench = commands.add_parser("bench", help="measure throughput through the broker vs the NLP alone")
    bench.add_argument("--articles", type=int, default=64, help="articles per measurement")
    bench.set_defaults(run=_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``stancewire`` console script."""
    args = _parser().parse_args(argv)
    settings = Settings()
    configure_logging(settings.log_level)
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
