"""RawArticle: what producers publish to ``articles.raw``."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from schemas._base import Message

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class RawArticle(Message):
    """A news article as it arrives. Keyed by ``id`` on the topic."""

    schema_version: Literal[1] = 1
    id: Annotated[str, StringConstraints(min_length=1, max_length=256)]
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=2048)]
    title: str
    body: NonEmpty
    source: NonEmpty
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$")] | None = Field(
        default=None, description="ISO 639 code; None means unknown (treated as English)."
    )
    published_at: datetime | None = None
