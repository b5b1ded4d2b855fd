"""Reads the sink's tables (SQLite or PostgreSQL, the sink's own settings) into page relations.

Blocking: the server calls it from one worker thread. Parsed article
documents are cached: an article's coding never changes once stored.
"""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import psycopg

from consumers.apps.sink import open_database
from consumers.apps.web.articles import ArticleDetails, Coding, parse_document
from consumers.apps.web.live import alert_json
from consumers.apps.web.relations import Relation, entity_kind, name_spans
from consumers.settings import SinkSettings
from schemas import Alert, read

_SQLITE_TIME = "%Y-%m-%dT%H:%M:%S.%fZ"  # the sink's text timestamps (fixed width: text order is time order)
_IN_WINDOW = """
SELECT s.event_id, s.source, s.source_name, s.target, s.target_name, s.stance, s.confidence, s.event_time,
       s.article_id, s.enrichment_version, s.article_url, s.evidence, a.title, a.source
FROM stance_events s
LEFT JOIN articles a ON a.article_id = s.article_id AND a.enrichment_version = s.enrichment_version
WHERE s.event_time >= ? AND s.event_time < ?
"""
_RECENT_ALERTS = "SELECT document, published_at FROM alerts ORDER BY published_at DESC LIMIT ?"
_DOCUMENTS = "SELECT article_id, enrichment_version, document FROM articles WHERE article_id IN ({marks})"
ArticleKey = tuple[str, str]


class Store:
    """A read connection to the sink's database."""

    def __init__(self, sink: SinkSettings) -> None:
        """Connect; the tables are created first if the sink has not run yet, so an empty map still loads."""
        open_database(sink).close()
        if sink.postgres_dsn is not None:
            dsn = sink.postgres_dsn.get_secret_value()
            self._connection: Any = psycopg.connect(dsn, autocommit=True)
            self._sqlite = False
        else:
            uri = f"{Path(sink.sqlite_path).resolve().as_uri()}?mode=ro"
            self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._sqlite = True
        self._details: dict[ArticleKey, ArticleDetails] = {}

    def relations(self, since: datetime, until: datetime) -> list[Relation]:
        """Every stored relation with ``since`` ≤ time < ``until``."""
        rows = self._fetch(_IN_WINDOW, (self._bound(since), self._bound(until)))
        self._load_details({(str(row[8]), str(row[9])) for row in rows})
        return [self._relation(row) for row in rows]

    def recent_alerts(self, limit: int) -> list[dict[str, Any]]:
        """The newest ``limit`` stored alerts, for the feed, newest first."""
        return [
            alert_json(read(Alert, document if isinstance(document, dict) else orjson.loads(document)), self._ms(at))
            for document, at in self._fetch(_RECENT_ALERTS, (limit,))
        ]

    def close(self) -> None:
        self._connection.close()

    def _ms(self, value: object) -> int:
        return int(self._time(value).timestamp() * 1000)

    def _relation(self, row: tuple[Any, ...]) -> Relation:
        details = self._details.get((row[8], row[9]), ArticleDetails())
        coding = details.codings.get((row[1], row[3])) or Coding(None, (), name_spans(row[11], (row[2], row[4])))
        return Relation(
            event_id=row[0],
            source=row[1],
            source_name=row[2],
            target=row[3],
            target_name=row[4],
            stance=row[5],
            confidence=float(row[6]),
            time=self._time(row[7]),
            article_id=row[8],
            url=row[10],
            title=row[12] or "",
            outlet=row[13] or "",
            evidence=row[11],
            highlights=coding.highlights,
            event=coding.event,
            sectors=coding.sectors,
            source_kind=details.kinds.get(row[1]) or entity_kind(row[1]),
            target_kind=details.kinds.get(row[3]) or entity_kind(row[3]),
        )

    def _load_details(self, keys: set[ArticleKey]) -> None:
        missing = sorted({article for article, _ in keys - self._details.keys()})
        for chunk in range(0, len(missing), 500):
            ids = missing[chunk : chunk + 500]
            statement = _DOCUMENTS.format(marks=", ".join("?" for _ in ids))
            for article_id, version, document in self._fetch(statement, tuple(ids)):
                self._details[(article_id, version)] = parse_document(document)

    def _bound(self, when: datetime) -> object:
        return when.astimezone(UTC).strftime(_SQLITE_TIME) if self._sqlite else when

    def _time(self, value: object) -> datetime:
        if isinstance(value, datetime):
            return value.astimezone(UTC)
        return datetime.strptime(str(value), _SQLITE_TIME).replace(tzinfo=UTC)

    def _fetch(self, statement: str, params: tuple[object, ...]) -> list[tuple[Any, ...]]:
        cursor = self._connection.execute(statement if self._sqlite else statement.replace("?", "%s"), params)
        return list(cursor.fetchall())
