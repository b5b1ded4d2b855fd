"""StanceEvent: one directed relation per message on ``stance.events``."""

from datetime import datetime
from typing import Literal

from schemas._base import Message
from schemas.enriched import Evidence, Probability
from schemas.events import EventType, QuadClass, Sector, Stance


class StanceEvent(Message):
    """``source`` stands ``stance`` toward ``target`` in one article; keyed ``source->target``."""

    schema_version: Literal[1] = 1
    event_id: str
    article_id: str
    article_url: str
    published_at: datetime | None = None
    enrichment_version: str
    source: str
    source_name: str
    target: str
    target_name: str
    stance: Stance
    confidence: Probability
    evidence: Evidence
    speaker: str | None = None
    quad_class: QuadClass | None = None
    event: EventType | None = None
    mode: str | None = None
    source_sector: Sector | None = None
    target_sector: Sector | None = None

    @property
    def key(self) -> str:
        """The Kafka key: the directed pair."""
        return f"{self.source}->{self.target}"
