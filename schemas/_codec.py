"""orjson encoding shared by every message, so the bytes on the wire are stable."""

from typing import TypeVar

import orjson
from pydantic import BaseModel

ModelT = TypeVar("ModelT", bound=BaseModel)


def encode(message: BaseModel) -> bytes:
    """Serialise a message to compact JSON with sorted keys (byte-stable for replays)."""
    return orjson.dumps(message.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS)


def decode(model: type[ModelT], data: bytes | str) -> ModelT:
    """Parse JSON bytes into ``model``; raises ``orjson.JSONDecodeError`` or ``pydantic.ValidationError``."""
    return model.model_validate(orjson.loads(data))
