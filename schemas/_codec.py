"""orjson encoding shared by every message, so the bytes on the wire are stable; and the tolerant read.

Writers are strict: a message built in code refuses unknown fields and enum
values. Readers are tolerant (the compatibility rule): ``read`` and
``decode`` ignore fields they do not know and keep enum values they do not
know, so a writer's minor version never breaks them.
"""

from typing import Any, TypeVar

import orjson
from pydantic import BaseModel

from schemas._extensible import READING

ModelT = TypeVar("ModelT", bound=BaseModel)


def encode(message: BaseModel) -> bytes:
    """Serialise a message to compact JSON with sorted keys (byte-stable for replays)."""
    return orjson.dumps(message.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS)


def read(model: type[ModelT], data: Any) -> ModelT:
    """Validate parsed JSON as a reader: unknown fields ignored, unknown enum values kept."""
    return model.model_validate(data, extra="ignore", context=READING)


def decode(model: type[ModelT], data: bytes | str) -> ModelT:
    """Parse JSON bytes into ``model`` as a reader (see ``read``).

    Raises ``orjson.JSONDecodeError`` or ``pydantic.ValidationError``.
    """
    return read(model, orjson.loads(data))
