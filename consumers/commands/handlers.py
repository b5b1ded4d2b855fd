"""What each ``stancewire`` subcommand does; ``consumers.commands.cli`` parses the arguments and calls these.

Commands that load models or Kafka clients import them when they run, so
``--help`` and the subscriber commands start fast and work without the
``nlp`` extra.
"""

import argparse
import asyncio
import importlib
import sys
from collections.abc import Callable

from rich.console import Console

from consumers import __version__
from consumers.settings import Settings


def worker(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.core.alerts import load_rules
    from consumers.runtime.annotators import load_annotator
    from consumers.runtime.worker import EnrichmentWorker

    annotator = load_annotator(settings)
    rules = load_rules(settings.alerts.rules_file)

    async def run() -> None:
        await EnrichmentWorker(settings, annotator, rules).run(until_caught_up=args.until_caught_up)

    asyncio.run(run())
    return 0


def topics(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.kafka.admin import create_topics

    created = asyncio.run(create_topics(settings, args.partitions))
    print(f"created: {', '.join(created)}" if created else "all topics exist")
    return 0


def publish(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.commands.publish import publish, read_messages

    count = asyncio.run(publish(settings, read_messages(args.paths)))
    print(f"published {count} messages to {settings.topics.name('raw')}")
    return 0


def summary(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.commands.summary import print_summary

    asyncio.run(print_summary(settings, Console()))
    return 0


def schemas(settings: Settings, args: argparse.Namespace) -> int:
    from schemas.export import check_exports, write_exports

    if args.check:
        stale = check_exports(__version__, args.dir)
        for name in stale:
            print(f"stale: {args.dir / name}", file=sys.stderr)
        return 1 if stale else 0
    for path in write_exports(__version__, args.dir):
        print(path)
    return 0


def schemas_compat(settings: Settings, args: argparse.Namespace) -> int:
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


def schemas_release(settings: Settings, args: argparse.Namespace) -> int:
    from schemas.compat import write_release
    from schemas.export import json_schemas

    print(write_release(__version__, json_schemas()))
    return 0


def ping(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.kafka.admin import ping

    asyncio.run(ping(settings, args.timeout))
    print(f"broker at {settings.kafka.bootstrap_servers} answers")
    return 0


def health(settings: Settings, args: argparse.Namespace) -> int:
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


def bench(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.commands.benchmark.report import run_bench

    asyncio.run(run_bench(settings, args.articles, Console()))
    return 0


def sink(settings: Settings, args: argparse.Namespace) -> int:
    from consumers.apps.sink import StorageSink

    if args.sqlite:
        settings = settings.model_copy(update={"sink": settings.sink.model_copy(update={"sqlite_path": args.sqlite})})
    where = "PostgreSQL" if settings.sink.postgres_dsn else str(settings.sink.sqlite_path)

    async def run() -> None:
        counts = await StorageSink(settings).run(until_caught_up=args.until_caught_up)
        print(
            f"stored {counts.articles} articles, {counts.stance_events} stance events and {counts.alerts} alerts"
            + f" in {where}"
            + (f" ({counts.dead_lettered} records into sink_dead_letters)" if counts.dead_lettered else "")
        )

    asyncio.run(run())
    return 0


def evaluate(settings: Settings, args: argparse.Namespace) -> int:
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


def alerts(settings: Settings, args: argparse.Namespace) -> int:
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


def command(module: str) -> Callable[[Settings, argparse.Namespace], int]:
    """``module.run_command``, imported when the command runs (some load models or Kafka clients)."""

    def run(settings: Settings, args: argparse.Namespace) -> int:
        return int(importlib.import_module(module).run_command(settings, args))

    return run
