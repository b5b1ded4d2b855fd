"""Publishing raw articles to ``articles.raw``: the seeds, or any files a user has.

Each ``.json`` file is one message, sent byte for byte (so malformed samples
stay malformed); each line of a ``.jsonl`` file is one message. The key is
the article id when the message has one, else the file name and line.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from consumers.kafka.clients import make_producer
from consumers.settings import Settings


@dataclass(frozen=True, slots=True)
class RawMessage:
    """One message to publish, exactly as read."""

    key: bytes
    value: bytes


def _key_for(value: bytes, fallback: str) -> bytes:
    try:
        data = orjson.loads(value)
    except orjson.JSONDecodeError:
        return fallback.encode()
    article_id = data.get("id") if isinstance(data, dict) else None
    return str(article_id).encode() if article_id else fallback.encode()


def read_messages(paths: Iterable[Path]) -> Iterator[RawMessage]:
    """Messages from files and directories (a directory: its .json/.jsonl files in name order)."""
    for path in paths:
        if path.is_dir():
            yield from read_messages(sorted(p for p in path.iterdir() if p.suffix in {".json", ".jsonl"}))
        elif path.suffix == ".jsonl":
            for number, line in enumerate(path.read_bytes().splitlines(), start=1):
                if line.strip():
                    yield RawMessage(_key_for(line, f"{path.stem}:{number}"), line)
        else:
            value = path.read_bytes()
            yield RawMessage(_key_for(value, path.stem), value.strip())


async def publish(settings: Settings, messages: Iterable[RawMessage]) -> int:
    """Send messages to the raw topic and wait until all are acknowledged; return how many."""
    producer = make_producer(settings.kafka)
    await producer.start()
    try:
        acks = [await producer.send(settings.topics.name("raw"), m.value, m.key) for m in messages]
        for ack in acks:
            await ack
        return len(acks)
    finally:
        await producer.stop()
