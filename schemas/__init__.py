"""Versioned pydantic v2 models of every message stancewire reads or writes.

Subscribers can depend on this package alone: each model carries a
``schema_version`` and (for events we publish) a deterministic ``event_id``.
Read messages with ``decode`` (or ``read``): it tolerates what a newer
writer may add (unknown fields, new enum values); models built in code are
strict, as a writer must be.
"""

from schemas._codec import decode, encode, read
from schemas.alert import Alert, Severity
from schemas.dead_letter import DeadLetter
from schemas.enriched import (
    ArticleStance,
    EnrichedArticle,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Provenance,
    StanceRelation,
    TextField,
    Tone,
    Versions,
)
from schemas.event_id import make_event_id
from schemas.events import EventType, QuadClass, Sector, Stance, quad_class_of, stance_of
from schemas.raw import RawArticle
from schemas.stance_event import StanceEvent

__all__ = [
    "Alert",
    "ArticleStance",
    "DeadLetter",
    "EnrichedArticle",
    "Entity",
    "EntityType",
    "EventType",
    "Evidence",
    "Mention",
    "Provenance",
    "QuadClass",
    "RawArticle",
    "Sector",
    "Severity",
    "Stance",
    "StanceEvent",
    "StanceRelation",
    "TextField",
    "Tone",
    "Versions",
    "decode",
    "encode",
    "make_event_id",
    "quad_class_of",
    "read",
    "stance_of",
]
