"""StanceEvent: one directed relation per message on ``stance.events``."""

from datetime import datetime
from typing import Literal

from schemas._base import Message
from schemas.enriched import StanceRelation


class _ArticleContext(Message):
    """What a stance event adds to its relation: which article, and which enrichment, it comes from."""

    schema_version: Literal[1] = 1
    event_id: str
    article_id: str
    article_url: str
    published_at: datetime | None = None
    enrichment_version: str


# pydantic orders fields from the last base to the first: the context first, then the relation's own.
class StanceEvent(StanceRelation, _ArticleContext):
    """``source`` stands ``stance`` toward ``target`` in one article; keyed ``source->target``."""

    @property
    def key(self) -> str:
        """The Kafka key: the directed pair."""
        return f"{self.source}->{self.target}"
