"""One batch, one transaction: its rows, and the dead letters of the records that cannot be stored.

The fast way upserts every row at once. When the database refuses a row
(``classify`` says ``row``), the writer runs the batch again one row at a
time, each under a savepoint: a refused row is rolled back alone and becomes
a dead letter, the others are stored, all in the same transaction. Runs in
the sink's database thread.
"""

from collections.abc import Sequence
from typing import get_args

from consumers.apps.sink.database import Database
from consumers.apps.sink.dead_letters import DeadLetters
from consumers.apps.sink.entries import Entry, EventTable
from consumers.apps.sink.failures import classify


def store(database: Database, entries: Sequence[Entry], letters: DeadLetters, one_by_one: bool) -> list[str | None]:
    """Write the batch and commit; per entry, None when stored, else why it was dead-lettered."""
    database.begin()
    try:
        errors = _one_by_one(database, entries, letters) if one_by_one else _all_at_once(database, entries)
        consecutive = letters.consecutive_after(errors)
        dead = [letters.row(entry.source, error) for entry, error in zip(entries, errors, strict=True) if error]
        database.upsert("sink_dead_letters", dead)
    except BaseException:
        database.rollback()
        raise
    database.commit()
    letters.consecutive = consecutive
    return errors


def _all_at_once(database: Database, entries: Sequence[Entry]) -> list[str | None]:
    tables: tuple[EventTable, ...] = get_args(EventTable)
    for table in tables:
        database.upsert(table, [entry.row for entry in entries if entry.table == table and entry.row is not None])
    return [entry.error for entry in entries]


def _one_by_one(database: Database, entries: Sequence[Entry], letters: DeadLetters) -> list[str | None]:
    errors: list[str | None] = []
    for entry in entries:
        if entry.table is None or entry.row is None:
            errors.append(entry.error)
            continue
        database.savepoint()
        try:
            database.upsert(entry.table, [entry.row])
        except Exception as error:
            if classify(error) != "row":
                raise
            database.rollback_to_savepoint()
            errors.append(letters.describe(error))
            continue
        database.release()
        errors.append(None)
    return errors
