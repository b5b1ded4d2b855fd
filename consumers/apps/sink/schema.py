"""The sink's tables: one schema for SQLite and PostgreSQL, only the column types differ.

``stance_events`` keeps each directed relation with the unordered pair it
concerns (``pair_low`` ≤ ``pair_high``), so "all hostile relations between X
and Y since D" — in either direction — is one range scan of one index:
equality on the pair and the stance, then a range on ``event_time``.
Both event tables are keyed by the deterministic ``event_id``: writing an
event again (redelivery, replay with the same version) updates the same row.
``alerts`` keeps every alert (``published_at``: when it reached Kafka).
``sink_dead_letters`` keeps the records the sink could not store (undecodable,
or refused by the database for that one row), byte for byte, keyed by where
they were read: a redelivered dead letter updates its row.
"""

from typing import Literal

Dialect = Literal["sqlite", "postgresql"]

# Timestamps: ISO 8601 UTC text in SQLite (fixed width, so text order is time order), timestamptz in PostgreSQL.
_TYPES: dict[Dialect, dict[str, str]] = {
    "sqlite": {"time": "TEXT", "json": "TEXT", "real": "REAL", "bytes": "BLOB", "bigint": "INTEGER"},
    "postgresql": {
        "time": "TIMESTAMPTZ",
        "json": "JSONB",
        "real": "DOUBLE PRECISION",
        "bytes": "BYTEA",
        "bigint": "BIGINT",
    },
}

ARTICLE_COLUMNS = (
    "event_id",
    "article_id",
    "enrichment_version",
    "url",
    "title",
    "source",
    "published_at",
    "document",
)
STANCE_COLUMNS = (
    "event_id",
    "article_id",
    "enrichment_version",
    "source",
    "source_name",
    "target",
    "target_name",
    "pair_low",
    "pair_high",
    "stance",
    "confidence",
    "event_time",
    "published_at",
    "article_url",
    "evidence",
    "speaker",
)

ALERT_COLUMNS = ("event_id", "rule_id", "severity", "summary", "entities", "published_at", "document")

DEAD_LETTER_COLUMNS = (
    "record_topic",
    "record_partition",
    "record_offset",
    "record_key",
    "record_value",
    "error",
    "dead_lettered_at",
)
DEAD_LETTER_KEY = ("record_topic", "record_partition", "record_offset")

_DDL = """
CREATE TABLE IF NOT EXISTS articles (
    event_id           TEXT PRIMARY KEY,
    article_id         TEXT NOT NULL,
    enrichment_version TEXT NOT NULL,
    url                TEXT NOT NULL,
    title              TEXT NOT NULL,
    source             TEXT NOT NULL,
    published_at       {time},
    document           {json} NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_article ON articles (article_id, enrichment_version);
CREATE TABLE IF NOT EXISTS stance_events (
    event_id           TEXT PRIMARY KEY,
    article_id         TEXT NOT NULL,
    enrichment_version TEXT NOT NULL,
    source             TEXT NOT NULL,
    source_name        TEXT NOT NULL,
    target             TEXT NOT NULL,
    target_name        TEXT NOT NULL,
    pair_low           TEXT NOT NULL,
    pair_high          TEXT NOT NULL,
    stance             TEXT NOT NULL,
    confidence         {real} NOT NULL,
    event_time         {time} NOT NULL,
    published_at       {time},
    article_url        TEXT NOT NULL,
    evidence           TEXT NOT NULL,
    speaker            TEXT
);
CREATE INDEX IF NOT EXISTS stance_events_by_pair ON stance_events (pair_low, pair_high, stance, event_time);
CREATE INDEX IF NOT EXISTS stance_events_by_article ON stance_events (article_id);
CREATE TABLE IF NOT EXISTS alerts (
    event_id           TEXT PRIMARY KEY,
    rule_id            TEXT NOT NULL,
    severity           TEXT NOT NULL,
    summary            TEXT NOT NULL,
    entities           {json} NOT NULL,
    published_at       {time} NOT NULL,
    document           {json} NOT NULL
);
CREATE INDEX IF NOT EXISTS alerts_by_time ON alerts (published_at);
CREATE TABLE IF NOT EXISTS sink_dead_letters (
    record_topic       TEXT NOT NULL,
    record_partition   INTEGER NOT NULL,
    record_offset      {bigint} NOT NULL,
    record_key         {bytes},
    record_value       {bytes},
    error              TEXT NOT NULL,
    dead_lettered_at   {time} NOT NULL,
    PRIMARY KEY (record_topic, record_partition, record_offset)
)
"""

# "All <stance> relations between X and Y since D": parameters pair_low, pair_high, stance, since.
RELATIONS_BETWEEN = """
SELECT source, target, stance, event_time, article_id, evidence, event_id
FROM stance_events
WHERE pair_low = ? AND pair_high = ? AND stance = ? AND event_time >= ?
ORDER BY event_time
"""


def ddl(dialect: Dialect) -> list[str]:
    """The CREATE statements for ``dialect``, one per element (idempotent)."""
    return [statement.strip() for statement in _DDL.format(**_TYPES[dialect]).split(";") if statement.strip()]


def upsert(table: str, columns: tuple[str, ...], key: tuple[str, ...] = ("event_id",)) -> str:
    """INSERT … ON CONFLICT (key) DO UPDATE: the same event written twice is one row (both dialects)."""
    updates = ", ".join(f"{column} = excluded.{column}" for column in columns if column not in key)
    marks = ", ".join("?" for _ in columns)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "  # noqa: S608 - fixed names, no input
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"
    )
