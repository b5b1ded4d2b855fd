"""File mode writes exactly the records the worker publishes: same input, same records per topic.

The input is the seeds (one per line; compact JSON where they parse, the
malformed one as it is), a few generated articles and a few bad lines. File
mode reads it from a file; the worker reads the same bytes, published without
keys (a file has none), from the real broker. Both sides' records are turned
into file-mode lines (``record_line``) with their keys, and compared per
topic, byte for byte, as sorted lists (the worker spreads them over three
partitions, so their order differs).

Ignored, because they say where a message was read, which differs between a
file and a topic: an enriched article's ``provenance`` (the file and line
number, or the topic, partition, offset and timestamp), and a dead letter's
``source_topic``, ``source_partition``, ``source_offset`` and the ``event_id``
made from them. Everything else must be identical, keys included.
"""

from pathlib import Path

import orjson
from pydantic import BaseModel

from consumers.commands.enrich_file import enrich_file, record_line
from consumers.core import Record
from consumers.core.alerts import load_rules
from consumers.kafka.clients import make_producer
from consumers.nlp.annotator import Annotator
from consumers.settings import Settings
from schemas import DeadLetter, EnrichedArticle, decode, encode
from schemas.topics import OUTPUT_KINDS, TOPICS, TopicKind
from tests.integration.articles import generated_articles
from tests.integration.conftest import read_outputs
from tests.integration.test_seed_end_to_end import SEEDS, run_worker

BAD_LINES = [
    b"not json at all",
    b"[1, 2, 3]",
    b'{"id": "no-url", "title": "t", "body": "b", "source": "s"}',
    b'{"id": "ftp", "url": "ftp://example.org/x", "title": "t", "body": "b", "source": "s"}',
]
Lines = dict[TopicKind, list[tuple[bytes | None, bytes]]]


def input_lines() -> list[bytes]:
    lines = []
    for path in sorted(SEEDS.glob("*.json")):
        value = path.read_bytes().strip()
        try:
            lines.append(orjson.dumps(orjson.loads(value)))
        except orjson.JSONDecodeError:
            lines.append(value)
    lines += [article.model_dump_json().encode() for article in generated_articles(5, "file-mode")]
    return lines + BAD_LINES


def _without_origin(kind: TopicKind, line: bytes) -> bytes:
    """The line with the fields that say where the message was read blanked out."""
    model = TOPICS[kind].model
    message: BaseModel = decode(model, line)
    if isinstance(message, EnrichedArticle):
        message = message.model_copy(update={"provenance": None})
    if isinstance(message, DeadLetter):
        blank = {"event_id": "", "source_topic": "", "source_partition": 0, "source_offset": 0}
        message = message.model_copy(update=blank)
    return encode(message)


def _comparable(lines: Lines) -> Lines:
    return {kind: sorted((key, _without_origin(kind, line)) for key, line in lines[kind]) for kind in OUTPUT_KINDS}


def file_mode_lines(settings: Settings, annotator: Annotator, source: Path, out: Path) -> Lines:
    """What file mode wrote per topic, each line with the key its value makes (``schemas.topics``)."""
    enrich_file(settings, annotator, load_rules(), str(source), None, None, out)
    lines: Lines = {}
    for kind in OUTPUT_KINDS:
        topic = TOPICS[kind]
        written = (out / f"{settings.topics.name(kind)}.jsonl").read_bytes().splitlines()
        lines[kind] = [(topic.key(decode(topic.model, line)), line) for line in written]
    return lines


async def worker_lines(settings: Settings, annotator: Annotator, values: list[bytes]) -> Lines:
    """What the worker published per topic, through the broker, each record as a file-mode line with its key."""
    producer = make_producer(settings.kafka)
    await producer.start()
    try:
        for value in values:
            await producer.send_and_wait(settings.topics.name("raw"), value)
    finally:
        await producer.stop()
    await run_worker(settings, annotator)
    out = await read_outputs(settings)
    lines: Lines = {}
    for kind in OUTPUT_KINDS:
        if TOPICS[kind].json_value:
            assert all(not record.headers for record in out[kind])
        records = [Record(kind, r.key, r.value, list(r.headers)) for r in out[kind]]
        lines[kind] = [(record.key, record_line(record)) for record in records]
    return lines


async def test_file_mode_writes_the_records_the_worker_publishes(
    settings: Settings, annotator: Annotator, tmp_path: Path
) -> None:
    values = input_lines()
    source = tmp_path / "articles.jsonl"
    source.write_bytes(b"\n".join(values) + b"\n")

    from_file = file_mode_lines(settings, annotator, source, tmp_path / "out")
    from_worker = await worker_lines(settings, annotator, values)

    counts = {kind: len(from_file[kind]) for kind in OUTPUT_KINDS}
    assert counts["enriched"] == 8 and counts["dlq"] == 3 + len(BAD_LINES)
    assert counts["stance"] and counts["alerts"], counts  # every kind of record is compared
    assert {kind: len(from_worker[kind]) for kind in OUTPUT_KINDS} == counts
    assert _comparable(from_file) == _comparable(from_worker)
    assert sorted(line for _, line in from_file["dlq"]) != sorted(line for _, line in from_worker["dlq"])  # origins
    originals = sorted(decode(DeadLetter, line).original_value or b"" for _, line in from_file["dlq"])
    assert originals == sorted(values[3:6] + BAD_LINES)
