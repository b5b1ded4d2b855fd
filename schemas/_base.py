"""The base every message model shares: frozen, strict about unknown fields."""

from pydantic import BaseModel, ConfigDict


class Message(BaseModel):
    """A message on one of our topics; immutable once built."""

    model_config = ConfigDict(frozen=True, extra="forbid")
