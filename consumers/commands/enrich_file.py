"""File mode: the worker's enrichment without Kafka, JSONL in, JSONL out.

Each line of the input is one message, as if read from the raw topic (its
provenance: the file's name, partition 0, the line number; no key). The
core turns it into exactly the records the worker would publish, and each
record becomes one line of its topic's file in the output directory,
``<topic name>.jsonl`` (prefix included): the record's value, byte for byte,
for enriched articles, stance events and alerts; for dead letters, the
DeadLetter the record carries (its headers' fields, and the original key and
value in base64), as ``DeadLetter.from_record`` reads it back. Keys are not
written: each is made from its value (``schemas.topics``).

``--output`` and ``--dead-letters`` still write enriched articles and dead
letters to a file or a standard stream of their own. Every input line ends up
somewhere: an enriched article, or a dead letter (also told on stderr).
"""

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from rich.progress import Progress

from consumers.core import Decoder, Received, Record, enrich_received, records_of
from consumers.core.alerts import RuleSet, load_rules
from consumers.nlp.annotator import Annotator
from consumers.runtime.annotators import load_annotator
from consumers.settings import Settings
from schemas import DeadLetter, encode
from schemas.topics import OUTPUT_KINDS, TOPICS, TopicKind


@dataclass
class FileModeResult:
    """Records written per topic kind, for the summary line."""

    records: Counter[TopicKind] = field(default_factory=Counter)

    @property
    def enriched(self) -> int:
        return self.records["enriched"]

    @property
    def dead_lettered(self) -> int:
        return self.records["dlq"]

    def summary(self) -> str:
        """``3 enriched, 2 dead-lettered, 5 stance events, 1 alerts``."""
        return (
            f"{self.enriched} enriched, {self.dead_lettered} dead-lettered, "
            f"{self.records['stance']} stance events, {self.records['alerts']} alerts"
        )


def record_line(record: Record) -> bytes:
    """A record as one line of its topic's file: the value, or for a dead letter the DeadLetter it carries."""
    if TOPICS[record.kind].json_value:
        return record.value or b""
    return encode(DeadLetter.from_record(record.key, record.value, record.headers))


def _open(path: str, stack: ExitStack, std: BinaryIO) -> BinaryIO:
    return std if path == "-" else stack.enter_context(Path(path).open("wb"))


def _writers(
    settings: Settings, stack: ExitStack, output: str | None, dead_letters: str | None, output_dir: Path | None
) -> dict[TopicKind, list[BinaryIO]]:
    """Per topic kind, the streams its lines go to."""
    writers: dict[TopicKind, list[BinaryIO]] = {kind: [] for kind in OUTPUT_KINDS}
    if output is not None:
        writers["enriched"].append(_open(output, stack, sys.stdout.buffer))
    if dead_letters is not None:
        writers["dlq"].append(_open(dead_letters, stack, sys.stderr.buffer))
    if output_dir is not None:
        output_dir.mkdir(parents=True, exist_ok=True)
        for kind in OUTPUT_KINDS:
            writers[kind].append(stack.enter_context((output_dir / f"{settings.topics.name(kind)}.jsonl").open("wb")))
    return writers


def _messages(stream: BinaryIO, source: str, size: int) -> Iterator[list[Received]]:
    """The non-blank lines, in chunks of ``size``, each as a message from ``source`` at its line number."""
    chunk: list[Received] = []
    for number, line in enumerate(stream, start=1):
        if line.strip():
            chunk.append(Received(source, 0, number, None, line.rstrip(b"\r\n")))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def enrich_file(
    settings: Settings,
    annotator: Annotator,
    rules: RuleSet,
    input_path: str,
    output_path: str | None = "-",
    dead_letters_path: str | None = None,
    output_dir: Path | None = None,
) -> FileModeResult:
    """Enrich every line of ``input_path`` (``-``: stdin) into the output files, one per topic kind.

    Args:
        output_path: Enriched articles, one per line (``-``: stdout); None for none.
        dead_letters_path: Dead letters, one DeadLetter per line (``-``: stderr); None for none.
        output_dir: Every topic's records, one file per topic; None for none.
    """
    result = FileModeResult()
    source = "stdin" if input_path == "-" else input_path
    decoder = Decoder.from_settings(settings)
    with ExitStack() as stack, Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
        reader = sys.stdin.buffer if input_path == "-" else stack.enter_context(Path(input_path).open("rb"))
        writers = _writers(settings, stack, output_path, dead_letters_path, output_dir)
        task = progress.add_task("enriching", total=None)
        limit = settings.kafka.max_request_size  # what the worker could publish, so the same dead letters
        for chunk in _messages(reader, source, settings.worker.batch_size):
            for message, outcome in zip(chunk, enrich_received(chunk, decoder, annotator, rules, limit), strict=True):
                if isinstance(outcome, DeadLetter):
                    print(f"{source}:{message.offset}: {outcome.error_class}: {outcome.reason}", file=sys.stderr)
                for record in records_of(outcome, limit):
                    result.records[record.kind] += 1
                    for writer in writers[record.kind]:
                        writer.write(record_line(record) + b"\n")
            progress.advance(task, len(chunk))
        for streams in writers.values():
            for writer in streams:
                writer.flush()
    return result


def run_command(settings: Settings, args: argparse.Namespace) -> int:
    """``stancewire enrich``: enrich the file; enriched articles on stdout unless told otherwise."""
    output = args.output or (None if args.output_dir else "-")
    annotator, rules = load_annotator(settings), load_rules(settings.alerts.rules_file)
    result = enrich_file(settings, annotator, rules, args.input, output, args.dead_letters, args.output_dir)
    print(result.summary(), file=sys.stderr)
    return 0
