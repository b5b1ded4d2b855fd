"""File mode: the same enrichment without Kafka, JSONL in, JSONL out.

Every input line ends up somewhere: an EnrichedArticle on the output, or a
DeadLetter (with the line's bytes) in the dead-letters file, or at least a
message on stderr. Used by people with files, and to evaluate quality.
"""

import sys
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from rich.progress import Progress

from consumers.alerts import RuleSet
from consumers.errors import AnnotationFailed, InvalidMessage
from consumers.nlp.annotator import Annotation, Annotator
from consumers.outputs import dead_letter, enrich
from consumers.records import Received
from consumers.settings import Settings
from consumers.steps.decode import decode_article
from consumers.steps.enrich import annotate_isolating_failures
from schemas import RawArticle, encode


@dataclass
class FileModeResult:
    """Counts for the summary line."""

    enriched: int = 0
    dead_lettered: int = 0


def _open(path: str, mode: str, stack: ExitStack, std: BinaryIO) -> BinaryIO:
    return std if path == "-" else stack.enter_context(Path(path).open(mode))  # type: ignore[return-value]


def _chunks(stream: BinaryIO, size: int) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    for number, line in enumerate(stream, start=1):
        if line.strip():
            chunk.append((number, line.rstrip(b"\r\n")))
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
    output_path: str,
    dead_letters_path: str | None = None,
) -> FileModeResult:
    """Enrich every line of ``input_path`` into ``output_path`` (``-`` for stdin/stdout)."""
    result = FileModeResult()
    source = "stdin" if input_path == "-" else input_path
    with ExitStack() as stack, Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
        reader = _open(input_path, "rb", stack, sys.stdin.buffer)
        writer = _open(output_path, "wb", stack, sys.stdout.buffer)
        dead = _open(dead_letters_path, "wb", stack, sys.stderr.buffer) if dead_letters_path else None
        task = progress.add_task("enriching", total=None)
        for chunk in _chunks(reader, settings.worker.batch_size):
            decoded: list[RawArticle | InvalidMessage] = []
            for _, line in chunk:
                try:
                    decoded.append(
                        decode_article(
                            line,
                            settings.worker.max_body_chars,
                            settings.nlp.languages,
                            detect_language=settings.nlp.detect_language,
                        )
                    )
                except InvalidMessage as error:
                    decoded.append(error)
            articles = [d for d in decoded if isinstance(d, RawArticle)]
            annotations = iter(annotate_isolating_failures(annotator, articles))
            for (number, line), item in zip(chunk, decoded, strict=True):
                outcome = next(annotations) if isinstance(item, RawArticle) else item
                if isinstance(item, RawArticle) and isinstance(outcome, Annotation):
                    writer.write(encode(enrich(item, outcome, annotator.versions, rules).article) + b"\n")
                    result.enriched += 1
                    continue
                failure = outcome if isinstance(outcome, InvalidMessage) else AnnotationFailed(str(outcome))
                letter = dead_letter(Received(source, 0, number, None, line), failure, settings.enrichment_version)
                print(f"{source}:{number}: {letter.error_class}: {letter.reason}", file=sys.stderr)
                if dead is not None:
                    dead.write(encode(letter) + b"\n")
                result.dead_lettered += 1
            progress.advance(task, len(chunk))
        writer.flush()
    return result
