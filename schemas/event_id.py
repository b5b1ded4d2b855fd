"""Deterministic event ids: the same input, models and version give the same id.

Subscribers drop the duplicates that at-least-once delivery and replays produce
by remembering the ids they have seen.
"""

import uuid

# Fixed namespace for stancewire event ids; never change it (ids would change).
EVENT_NAMESPACE = uuid.UUID("6f1d7c8e-3a52-5b0e-9c4d-2e7f0b1a9d35")


def make_event_id(kind: str, article_id: str, enrichment_version: str, *parts: str) -> str:
    """Return a UUIDv5 string over the event kind, article, version and extra parts."""
    name = "\x1f".join((kind, article_id, enrichment_version, *parts))
    return str(uuid.uuid5(EVENT_NAMESPACE, name))
