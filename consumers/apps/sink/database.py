"""The sink's database: an embedded SQLite file by default, PostgreSQL when a DSN is given.

Both get the same tables and the same statements (``consumers.apps.sink.schema``);
this module only adapts values (timestamps, JSON) and placeholders. Every
method blocks: the subscriber calls them from one worker thread, never on
the event loop.
"""

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import psycopg
from psycopg.types.json import Jsonb

from consumers.apps.sink.rows import Row
from consumers.apps.sink.schema import (
    ARTICLE_COLUMNS,
    RELATIONS_BETWEEN,
    STANCE_COLUMNS,
    Dialect,
    ddl,
    upsert,
)
from consumers.settings import SinkSettings
from schemas import Stance

_SQLITE_TIME = "%Y-%m-%dT%H:%M:%S.%fZ"


@dataclass(frozen=True, slots=True)
class Relation:
    """One stored stance relation, as the pair query returns it."""

    source: str
    target: str
    stance: str
    event_time: datetime
    article_id: str
    evidence: str
    event_id: str


class Database:
    """A connection with the sink's statements; ``write`` is one transaction."""

    def __init__(self, connection: sqlite3.Connection | psycopg.Connection[Any]) -> None:
        self._connection = connection
        self.dialect: Dialect = "sqlite" if isinstance(connection, sqlite3.Connection) else "postgresql"

    def migrate(self) -> None:
        """Create the tables and indexes that are missing."""
        for statement in ddl(self.dialect):
            self._execute(statement, ())
        self._connection.commit()

    def write(self, articles: Sequence[Row], events: Sequence[Row]) -> None:
        """Upsert rows of both tables in one transaction: all are stored, or none."""
        try:
            if articles:
                self._execute_many(upsert("articles", ARTICLE_COLUMNS), articles)
            if events:
                self._execute_many(upsert("stance_events", STANCE_COLUMNS), events)
        except BaseException:
            self._connection.rollback()
            raise
        self._connection.commit()

    def relations_between(self, a: str, b: str, stance: Stance, since: datetime) -> list[Relation]:
        """Every ``stance`` relation between ``a`` and ``b`` (either direction) from ``since`` on, oldest first."""
        low, high = sorted((a, b))
        rows = self._fetch(RELATIONS_BETWEEN, (low, high, stance, self._adapt(since.astimezone(UTC))))
        return [Relation(r[0], r[1], r[2], self._time(r[3]), r[4], r[5], r[6]) for r in rows]

    def count(self, table: str) -> int:
        """Rows in ``articles`` or ``stance_events``."""
        if table not in ("articles", "stance_events"):
            raise ValueError(f"no table {table}")
        return int(self._fetch(f"SELECT count(*) FROM {table}", ())[0][0])  # noqa: S608 - checked name

    def close(self) -> None:
        self._connection.close()

    def _sql(self, statement: str) -> str:
        return statement if self.dialect == "sqlite" else statement.replace("?", "%s")

    def _adapt(self, value: object) -> object:
        if self.dialect == "sqlite":
            if isinstance(value, datetime):
                return value.astimezone(UTC).strftime(_SQLITE_TIME)
            if isinstance(value, dict):
                return orjson.dumps(value).decode()
            return value
        return Jsonb(value) if isinstance(value, dict) else value

    def _time(self, value: object) -> datetime:
        if isinstance(value, datetime):
            return value.astimezone(UTC)
        return datetime.strptime(str(value), _SQLITE_TIME).replace(tzinfo=UTC)

    def _execute(self, statement: str, params: Sequence[object]) -> None:
        self._connection.execute(self._sql(statement), params)

    def _execute_many(self, statement: str, rows: Sequence[Row]) -> None:
        adapted = [tuple(self._adapt(value) for value in row) for row in rows]
        cursor = self._connection.cursor()
        try:
            cursor.executemany(self._sql(statement), adapted)
        finally:
            cursor.close()

    def _fetch(self, statement: str, params: Sequence[object]) -> list[tuple[Any, ...]]:
        cursor = self._connection.execute(self._sql(statement), params)
        return list(cursor.fetchall())


def open_database(sink: SinkSettings) -> Database:
    """Connect (PostgreSQL when ``sink.postgres_dsn`` is set, else the SQLite file) and create missing tables."""
    if sink.postgres_dsn is not None:
        connection: sqlite3.Connection | psycopg.Connection[Any] = psycopg.connect(sink.postgres_dsn.get_secret_value())
    else:
        Path(sink.sqlite_path).parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(sink.sqlite_path, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
    database = Database(connection)
    database.migrate()
    return database
