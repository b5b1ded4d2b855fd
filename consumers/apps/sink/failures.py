"""Which database errors are the row's fault, which pass, and which stop the sink.

- ``row``: this one row can never be stored (a data exception, a constraint,
  a limit such as an index entry too large): it is dead-lettered and the
  sink goes on.
- ``transient``: the database, not the row (connection lost, server shutting
  down, deadlock, serialization failure, out of resources): retried.
- ``fatal``: anything else (a missing table, no permission, a bug): the sink
  stops without committing, so nothing is lost.

PostgreSQL errors are told apart by their SQLSTATE class; errors psycopg
raises before the server answers have none.
"""

import sqlite3
from typing import Literal

import psycopg

from consumers.errors import StancewireError

Failure = Literal["row", "transient", "fatal"]

_ROW_CLASSES = {"22", "23", "54"}  # data exception, integrity constraint, program limit exceeded
_TRANSIENT_CLASSES = {"08", "40", "53", "57", "58"}  # connection, rollback, resources, shutdown, system
_TRANSIENT_STATES = {"55P03"}  # lock not available


class SinkDatabaseError(StancewireError):
    """The database failed in a way retrying cannot fix; the message holds no secret."""


def classify(error: BaseException) -> Failure:
    """What the sink does about ``error`` raised while writing."""
    if isinstance(error, psycopg.Error):
        return _postgresql(error)
    if isinstance(error, sqlite3.Error):
        return _sqlite(error)
    if isinstance(error, UnicodeError | OverflowError):
        return "row"
    return "fatal"


def _postgresql(error: psycopg.Error) -> Failure:
    state = error.sqlstate
    if state is None:  # raised on the client side
        if isinstance(error, psycopg.DataError | psycopg.IntegrityError):
            return "row"
        return "transient" if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError) else "fatal"
    if state[:2] in _ROW_CLASSES:
        return "row"
    return "transient" if state[:2] in _TRANSIENT_CLASSES or state in _TRANSIENT_STATES else "fatal"


def _sqlite(error: sqlite3.Error) -> Failure:
    if isinstance(error, sqlite3.IntegrityError | sqlite3.DataError):
        return "row"
    name = getattr(error, "sqlite_errorname", "")
    return "transient" if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) else "fatal"
