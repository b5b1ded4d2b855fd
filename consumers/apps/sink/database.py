"""The sink's database: an embedded SQLite file by default, PostgreSQL when a DSN is given.

Both get the same tables and the same statements (``consumers.apps.sink.schema``);
this module only adapts values (timestamps, JSON) and placeholders, and offers
the transaction steps (savepoints, reconnecting) the writer combines. Every
method blocks: the subscriber calls them from one worker thread, never on
the event loop.
"""

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import orjson
import psycopg
from psycopg.types.json import Jsonb

from consumers.apps.sink.rows import Row
from consumers.apps.sink.schema import (
    ALERT_COLUMNS,
    ARTICLE_COLUMNS,
    DEAD_LETTER_COLUMNS,
    DEAD_LETTER_KEY,
    RELATIONS_BETWEEN,
    STANCE_COLUMNS,
    Dialect,
    ddl,
    upsert,
)
from consumers.apps.sink.secrets import check_dsn
from consumers.settings import SinkSettings
from schemas import Stance

_SQLITE_TIME = "%Y-%m-%dT%H:%M:%S.%fZ"
Connection = sqlite3.Connection | psycopg.Connection[Any]
Table = Literal["articles", "stance_events", "alerts", "sink_dead_letters"]
_UPSERTS: dict[Table, str] = {
    "articles": upsert("articles", ARTICLE_COLUMNS),
    "stance_events": upsert("stance_events", STANCE_COLUMNS),
    "alerts": upsert("alerts", ALERT_COLUMNS),
    "sink_dead_letters": upsert("sink_dead_letters", DEAD_LETTER_COLUMNS, DEAD_LETTER_KEY),
}


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


@dataclass(frozen=True, slots=True)
class StoredDeadLetter:
    """One row of ``sink_dead_letters``."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    error: str


class Database:
    """A connection with the sink's statements; ``write`` is one transaction."""

    def __init__(self, connect: Callable[[], Connection]) -> None:
        """Connect now; ``connect`` again when the connection is lost (``recover``)."""
        self._connect = connect
        self._connection = connect()
        self.dialect: Dialect = "sqlite" if isinstance(self._connection, sqlite3.Connection) else "postgresql"

    def migrate(self) -> None:
        """Create the tables and indexes that are missing."""
        for statement in ddl(self.dialect):
            self._execute(statement, ())
        self._connection.commit()

    def write(self, articles: Sequence[Row], events: Sequence[Row]) -> None:
        """Upsert rows of both tables in one transaction: all are stored, or none."""
        try:
            self.upsert("articles", articles)
            self.upsert("stance_events", events)
        except BaseException:
            self.rollback()
            raise
        self.commit()

    def begin(self) -> None:
        """Open a transaction (SQLite would otherwise commit when the outermost savepoint is released)."""
        if isinstance(self._connection, sqlite3.Connection) and not self._connection.in_transaction:
            self._connection.execute("BEGIN")

    def upsert(self, table: Table, rows: Sequence[Row]) -> None:
        """Insert or update ``rows`` of ``table`` in the open transaction."""
        if rows:
            self._execute_many(_UPSERTS[table], rows)

    def savepoint(self) -> None:
        self._execute("SAVEPOINT sink_row", ())

    def release(self) -> None:
        self._execute("RELEASE SAVEPOINT sink_row", ())

    def rollback_to_savepoint(self) -> None:
        self._execute("ROLLBACK TO SAVEPOINT sink_row", ())
        self.release()

    def commit(self) -> None:
        self._connection.commit()

    def rollback(self) -> None:
        """Roll back the open transaction; a lost PostgreSQL connection has none left to roll back."""
        connection = self._connection
        if isinstance(connection, psycopg.Connection) and (connection.closed or connection.broken):
            return
        connection.rollback()

    def recover(self) -> None:
        """After a transient error: roll back, or reconnect where the connection cannot.

        A lost connection cannot, nor can one a cut ``executemany`` left in
        pipeline mode: psycopg does not mark that one broken, and every later
        query on it fails.
        """
        connection = self._connection
        if not isinstance(connection, psycopg.Connection):
            connection.rollback()
            return
        stuck = connection.pgconn.pipeline_status != psycopg.pq.PipelineStatus.OFF
        if not (connection.closed or connection.broken or stuck) and _rolled_back(connection):
            return
        connection.close()
        self._connection = self._connect()

    def dead_letters(self) -> list[StoredDeadLetter]:
        """Every stored dead letter, by topic, partition and offset."""
        rows = self._fetch(
            f"SELECT {', '.join(DEAD_LETTER_COLUMNS[:6])} FROM sink_dead_letters "  # noqa: S608 - fixed names
            "ORDER BY record_topic, record_partition, record_offset",
            (),
        )
        return [StoredDeadLetter(r[0], int(r[1]), int(r[2]), _bytes(r[3]), _bytes(r[4]), r[5]) for r in rows]

    def relations_between(self, a: str, b: str, stance: Stance, since: datetime) -> list[Relation]:
        """Every ``stance`` relation between ``a`` and ``b`` (either direction) from ``since`` on, oldest first."""
        low, high = sorted((a, b))
        rows = self._fetch(RELATIONS_BETWEEN, (low, high, stance, self._adapt(since.astimezone(UTC))))
        return [Relation(r[0], r[1], r[2], self._time(r[3]), r[4], r[5], r[6]) for r in rows]

    def count(self, table: str) -> int:
        """Rows in ``articles``, ``stance_events`` or ``sink_dead_letters``."""
        if table not in _UPSERTS:
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
            if isinstance(value, dict | list):  # the JSON columns
                return orjson.dumps(value).decode()
            return value
        return Jsonb(value) if isinstance(value, dict | list) else value

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


def _rolled_back(connection: psycopg.Connection[Any]) -> bool:
    try:
        connection.rollback()
    except psycopg.Error:
        return False
    return True


def _bytes(value: object) -> bytes | None:
    return None if value is None else bytes(value)  # type: ignore[call-overload]


def connector(sink: SinkSettings) -> Callable[[], Connection]:
    """How to (re)connect: PostgreSQL when ``sink.postgres_dsn`` is set (checked first), else the SQLite file."""
    if sink.postgres_dsn is not None:
        dsn = sink.postgres_dsn.get_secret_value()
        check_dsn(dsn)
        return lambda: psycopg.connect(dsn)

    def sqlite() -> Connection:
        Path(sink.sqlite_path).parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(sink.sqlite_path, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
        return connection

    return sqlite


def open_database(sink: SinkSettings) -> Database:
    """Connect and create missing tables."""
    database = Database(connector(sink))
    database.migrate()
    return database
