"""The base every message model shares: frozen, strict about unknown fields when built (writers).

Readers validate with ``schemas.read`` / ``schemas.decode``, which ignore the
fields a newer writer added (see ``schemas._codec``).
"""

from pydantic import BaseModel, ConfigDict


class Message(BaseModel):
    """A message on one of our topics; immutable once built."""

    model_config = ConfigDict(frozen=True, extra="forbid")
