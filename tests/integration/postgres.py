"""A throwaway PostgreSQL server for the session, like the Kafka broker: started here, deleted afterwards.

The server binaries come from Debian's ``postgresql`` package (``.ci/run``
installs it). ``initdb`` refuses to run as root, so as root the cluster is
created and run by the ``postgres`` system user. In CI a missing server is a
failure; elsewhere the PostgreSQL tests are skipped with the reason.
"""

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

from tests.integration.conftest import free_port_block


def server_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin directory (Debian layout), or None."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


def _as_owner(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def running_postgres(bindir: Path) -> Iterator[str]:
    """A server on a free port below the ephemeral range, deleted afterwards; its base DSN (no database name)."""
    root = Path(tempfile.mkdtemp(prefix="stancewire-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data, port = root / "data", free_port_block(1)
    subprocess.run(
        _as_owner(
            [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=30"
    pg_ctl = [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log")]
    subprocess.run(_as_owner([*pg_ctl, "-w", "-t", "60", "-o", options, "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_owner([*pg_ctl, "-m", "fast", "-w", "stop"]), check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def new_database(server: str) -> str:
    """A fresh database on ``server``; its DSN."""
    name = f"test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return f"{server}/{name}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A running server for the session; its base DSN (no database name)."""
    bindir = server_bin()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL server binaries are missing: .ci/run must install the postgresql package")
        pytest.skip("PostgreSQL server binaries not found (Debian: apt-get install postgresql)")
    with running_postgres(bindir) as server:
        yield server


@pytest.fixture
def postgres_dsn(postgres_server: str) -> str:
    """A fresh database of this test's own on the session's server."""
    return new_database(postgres_server)
