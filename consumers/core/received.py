"""A message as it was read, bytes untouched: from a topic, or from a line of a file."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Received:
    """One raw message and where it came from (file mode: the file, partition 0, the line number)."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    timestamp_ms: int | None = None
