"""DeadLetter: a message stancewire could not process, kept with the reason why.

On ``articles.dlq`` the record's key and value are the original bytes,
untouched (so fixing and re-publishing is a copy); every field below also
travels as a ``stancewire-*`` header so a subscriber can read it without
parsing the value.
"""

from typing import Literal

from pydantic import ConfigDict, Field, NonNegativeInt

from schemas._base import Message
from schemas._codec import read

HEADER_PREFIX = "stancewire-"
_INTEGER_FIELDS = frozenset({"schema_version", "source_partition", "source_offset", "attempts"})


class DeadLetter(Message):
    """Why one raw message went to the dead letter topic, and where it came from."""

    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_bytes="base64", val_json_bytes="base64")

    schema_version: Literal[1] = 1
    event_id: str
    error_class: str = Field(description="Exception class, e.g. 'InvalidJson', 'SchemaMismatch'.")
    reason: str
    source_topic: str
    source_partition: NonNegativeInt
    source_offset: NonNegativeInt
    attempts: NonNegativeInt = 1
    original_key: bytes | None = None
    original_value: bytes | None = None

    def headers(self) -> list[tuple[str, bytes]]:
        """Kafka headers for the metadata fields (not the original bytes)."""
        fields = self.model_dump(exclude={"original_key", "original_value"})
        return [(HEADER_PREFIX + name.replace("_", "-"), str(value).encode()) for name, value in fields.items()]

    @classmethod
    def from_record(
        cls, key: bytes | None, value: bytes | None, headers: list[tuple[str, bytes]] | tuple[tuple[str, bytes], ...]
    ) -> "DeadLetter":
        """Rebuild a DeadLetter from a record read off the dead letter topic (headers it does not know are ignored)."""
        fields: dict[str, object] = {}
        for header, raw in headers:
            if header.startswith(HEADER_PREFIX):
                name = header.removeprefix(HEADER_PREFIX).replace("-", "_")
                if name in cls.model_fields:  # other headers (e.g. ``original-omitted``) are notes, not fields
                    fields[name] = int(raw) if name in _INTEGER_FIELDS else raw.decode()
        return read(cls, {**fields, "original_key": key, "original_value": value})
