"""The reference storage subscriber: enriched articles, stance events and alerts, upserted into SQLite or PostgreSQL."""

from consumers.apps.sink.batches import SinkCounts
from consumers.apps.sink.database import Database, Relation, open_database
from consumers.apps.sink.subscriber import StorageSink

__all__ = ["Database", "Relation", "SinkCounts", "StorageSink", "open_database"]
