"""The reference storage subscriber: enriched articles and stance events, upserted into SQLite or PostgreSQL."""

from consumers.apps.sink.database import Database, Relation, open_database
from consumers.apps.sink.subscriber import SinkCounts, StorageSink

__all__ = ["Database", "Relation", "SinkCounts", "StorageSink", "open_database"]
