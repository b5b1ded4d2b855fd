"""What the sink does with rows the database cannot store, errors that pass, and secrets in error text."""

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import orjson
import psycopg
import pytest
from pydantic import SecretStr

from consumers.apps.sink import open_database
from consumers.apps.sink.dead_letters import DeadLetters
from consumers.apps.sink.entries import Entry, Source, entry_of
from consumers.apps.sink.failures import classify
from consumers.apps.sink.rows import article_row, as_utc, stance_row
from consumers.apps.sink.secrets import Redactor, check_dsn
from consumers.apps.sink.text import storable, storable_value
from consumers.apps.sink.transaction import store
from consumers.core import Received
from consumers.errors import ConfigurationError, DeadLetterLimitExceeded
from consumers.settings import KafkaSettings, Settings, SinkSettings
from schemas import encode
from tests.factories import enriched_article, relation, stance_event

PASSWORD = "s3cret-Pw"


def stance_record(value: bytes, offset: int) -> Received:
    return Received("stance.events", 0, offset, b"k", value, 0)


def test_nul_is_removed_and_lone_surrogates_replaced_everywhere_in_a_value() -> None:
    assert storable("a\x00b\ud800c") == "ab\ufffdc"
    assert storable_value({"k\x00": ["x\x00", 1, {"y": "\udfff"}], "n": None}) == {
        "k": ["x", 1, {"y": "\ufffd"}],
        "n": None,
    }


def test_a_nul_in_an_article_or_an_event_is_stored_without_it(tmp_path: Path) -> None:
    article = enriched_article(
        "a\x001", [relation("country:RUS", "bloc:west", "hostile", "Russia\x00 warned the West.")]
    )
    event = stance_event("a\x001", "country:RUS", "bloc:west", "hostile")
    row = article_row(article)
    assert "\x00" not in orjson.dumps(row[-1]).decode() and row[1] == "a1"
    assert stance_row(event, 0)[1] == "a1"


def test_a_naive_timestamp_is_utc_not_the_hosts_zone() -> None:
    assert as_utc(datetime(2026, 3, 1, 12)) == datetime(2026, 3, 1, 12, tzinfo=UTC)
    assert as_utc(datetime(2026, 3, 1, 12, tzinfo=timezone(timedelta(hours=2)))) == datetime(2026, 3, 1, 10, tzinfo=UTC)
    naive = stance_event("a", "country:RUS", "bloc:west", "hostile").model_copy(
        update={"published_at": datetime(2026, 3, 1, 12)}
    )
    assert stance_row(naive, 0)[11] == datetime(2026, 3, 1, 12, tzinfo=UTC)


def test_an_event_past_year_9999_in_utc_becomes_a_dead_letter_entry() -> None:
    late = stance_event("a", "country:RUS", "bloc:west", "hostile")
    data = orjson.loads(encode(late))
    data["published_at"] = "9999-12-31T23:00:00-05:00"
    entry = entry_of(stance_record(orjson.dumps(data), 4), "stance")
    assert entry.row is None and entry.error is not None and entry.error.startswith("not a StanceEvent")
    assert entry_of(stance_record(b"{", 5), "stance").error is not None


def test_errors_are_the_rows_fault_transient_or_fatal() -> None:
    assert classify(sqlite3.IntegrityError("constraint")) == "row"
    assert classify(sqlite3.OperationalError("no such table")) == "fatal"
    assert classify(psycopg.errors.ProgramLimitExceeded("index row size 8016 exceeds maximum 2704")) == "row"
    assert classify(psycopg.errors.CheckViolation("check")) == "row"
    assert classify(psycopg.DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")) == "row"
    assert classify(psycopg.OperationalError("server closed the connection unexpectedly")) == "transient"
    assert classify(psycopg.errors.AdminShutdown("terminating connection")) == "transient"
    assert classify(psycopg.errors.DeadlockDetected("deadlock")) == "transient"
    assert classify(psycopg.errors.UndefinedTable("no table")) == "fatal"
    assert classify(psycopg.errors.InvalidPassword("password authentication failed")) == "fatal"


@pytest.mark.parametrize(
    "dsn",
    [
        f"postgresql//stancewire:{PASSWORD}@db/intel",
        f"postgresql://stancewire:{PASSWORD}@[db/intel",
        f"postgres://stancewire:{PASSWORD}%zz@db/intel",
        f"host=db password={PASSWORD} port",
        f"host=db password='{PASSWORD}' bogus=1",
    ],
)
def test_a_malformed_dsn_is_one_line_without_the_password(dsn: str) -> None:
    with pytest.raises(ConfigurationError, match="not a valid PostgreSQL DSN") as raised:
        check_dsn(dsn)
    message = str(raised.value)
    assert PASSWORD not in message and "\n" not in message
    assert raised.value.__suppress_context__, "the libpq error with the password is not chained"


def test_the_redactor_masks_the_dsn_and_sasl_passwords() -> None:
    settings = Settings(
        kafka=KafkaSettings(sasl_password=SecretStr("kafka-pw")),
        sink=SinkSettings(postgres_dsn=SecretStr(f"postgresql://u:{PASSWORD}@db/x")),
    )
    redact = Redactor.of(settings)
    assert redact(f"login u:{PASSWORD} then kafka-pw") == "login u:*** then ***"


def entries(*rows: tuple[str, str]) -> list[Entry]:
    """One stance-event entry per (article id, source), with its record's bytes."""
    found = []
    for offset, (article_id, source) in enumerate(rows):
        event = stance_event(article_id, source, "bloc:west", "hostile")
        value = encode(event)
        found.append(Entry(Source("stance.events", 0, offset, b"k", value), "stance_events", stance_row(event, 0)))
    return found


def test_a_refused_row_is_dead_lettered_alone_and_the_others_are_stored(tmp_path: Path) -> None:
    database = open_database(SinkSettings(sqlite_path=tmp_path / "sink.db"))
    database._execute(  # the database refuses one article's rows (a constraint of the operator's)
        "CREATE TRIGGER refuse BEFORE INSERT ON stance_events WHEN NEW.article_id = 'bad' "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END",
        (),
    )
    batch = [*entries(("g1", "country:RUS"), ("bad", "country:RUS"), ("g2", "country:CHN"))]
    batch.append(Entry(Source("stance.events", 0, 3, None, b"\x00{"), error="not a StanceEvent: bad JSON"))
    letters = DeadLetters(Redactor(set()), max_consecutive=10)
    with pytest.raises(sqlite3.IntegrityError):
        store(database, batch, letters, one_by_one=False)
    assert database.count("stance_events") == 0, "the fast way rolls back whole"

    errors = store(database, batch, letters, one_by_one=True)
    assert [e is None for e in errors] == [True, False, True, False]
    assert database.count("stance_events") == 2
    dead = database.dead_letters()
    assert [(d.offset, d.key, d.value) for d in dead] == [(1, b"k", batch[1].source.value), (3, None, b"\x00{")]
    assert "IntegrityError: refused" in dead[0].error and letters.consecutive == 1
    store(database, batch, letters, one_by_one=True)  # redelivered: the same rows, the same dead letters
    assert database.count("stance_events") == 2 and len(database.dead_letters()) == 2
    database.close()


def test_too_many_dead_letters_in_a_row_store_nothing_and_stop(tmp_path: Path) -> None:
    database = open_database(SinkSettings(sqlite_path=tmp_path / "sink.db"))
    letters = DeadLetters(Redactor({PASSWORD}), max_consecutive=2)
    refused = [Entry(Source("t", 0, n, None, b"x"), error=f"bad {PASSWORD}") for n in range(3)]
    with pytest.raises(DeadLetterLimitExceeded, match="more than 2 records in a row") as raised:
        store(database, [*entries(("g1", "country:RUS")), *refused], letters, one_by_one=False)
    assert PASSWORD not in str(raised.value)
    assert database.count("stance_events") == 0 and database.dead_letters() == []
    database.close()
