"""SASL_PLAINTEXT with SCRAM against a broker that demands it: right password works, wrong one fails fast."""

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka.errors import KafkaError
from pydantic import SecretStr

from consumers.commands.benchmark.fixtures import as_messages
from consumers.commands.publish import publish
from consumers.kafka.admin import create_topics, ping
from consumers.settings import KafkaSettings, Settings, TopicSettings, WorkerSettings
from tests.integration.articles import generated_articles
from tests.integration.conftest import BROKER_SCRIPT, free_port_block, read_outputs

USER, PASSWORD = "stancewire-test", f"pw-{uuid.uuid4().hex}"


@pytest.fixture(scope="module")
def sasl_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("kafka-sasl") / "broker"


@pytest.fixture(scope="module")
def sasl_broker(sasl_dir: Path) -> Iterator[str]:
    data_dir = sasl_dir
    env = {**os.environ, "STANCEWIRE_KAFKA__SASL_USERNAME": USER, "STANCEWIRE_KAFKA__SASL_PASSWORD": PASSWORD}
    port = free_port_block()
    where = ["--port", port, "--dir", str(data_dir)]
    subprocess.run(["bash", str(BROKER_SCRIPT), "start", *where, "--sasl"], check=True, capture_output=True, env=env)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        subprocess.run(["bash", str(BROKER_SCRIPT), "stop", *where, "--clean"], check=False, capture_output=True)


def scram_settings(bootstrap: str, password: str) -> Settings:
    run = uuid.uuid4().hex[:8]
    return Settings(
        kafka=KafkaSettings(
            bootstrap_servers=bootstrap,
            security_protocol="SASL_PLAINTEXT",
            sasl_mechanism="SCRAM-SHA-512",
            sasl_username=USER,
            sasl_password=SecretStr(password),
        ),
        topics=TopicSettings(prefix=f"sasl-{run}."),
        worker=WorkerSettings(group_id=f"sasl-{run}"),
    )


def run_worker(settings: Settings, password: str, timeout_s: float) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "STANCEWIRE_LOG_LEVEL": "DEBUG",
        "STANCEWIRE_METRICS__PORT": "0",  # several workers share this host
        "STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS": settings.kafka.bootstrap_servers,
        "STANCEWIRE_KAFKA__SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "STANCEWIRE_KAFKA__SASL_MECHANISM": "SCRAM-SHA-512",
        "STANCEWIRE_KAFKA__SASL_USERNAME": USER,
        "STANCEWIRE_KAFKA__SASL_PASSWORD": password,
        "STANCEWIRE_TOPICS__PREFIX": settings.topics.prefix,
        "STANCEWIRE_WORKER__GROUP_ID": settings.worker.group_id,
    }
    return subprocess.run(
        [sys.executable, "-m", "consumers.commands.cli", "worker", "--until-caught-up"],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )


def test_worker_authenticates_with_scram_and_never_logs_the_password(sasl_broker: str) -> None:
    settings = scram_settings(sasl_broker, PASSWORD)
    articles = generated_articles(5, prefix="sasl")
    asyncio.run(create_topics(settings))
    asyncio.run(publish(settings, as_messages(articles)))

    result = run_worker(settings, PASSWORD, timeout_s=300)

    assert result.returncode == 0, result.stderr
    out = asyncio.run(read_outputs(settings))
    assert len(out["enriched"]) == len(articles)
    assert "DEBUG" in result.stderr, "logs go to stderr, at the level asked for"
    assert PASSWORD not in result.stderr + result.stdout


def test_wrong_password_fails_fast_with_a_clear_error(sasl_broker: str) -> None:
    settings = scram_settings(sasl_broker, PASSWORD)
    wrong = f"wrong-{uuid.uuid4().hex}"

    result = run_worker(settings, wrong, timeout_s=120)

    assert result.returncode != 0
    assert "Authentication failed" in result.stderr
    assert wrong not in result.stderr + result.stdout


def test_no_listener_takes_a_client_without_a_login_and_the_password_stays_in_owner_only_files(
    sasl_broker: str, sasl_dir: Path
) -> None:
    host, port = sasl_broker.rsplit(":", 1)
    for listener in (int(port), int(port) + 1, int(port) + 2):  # clients, the controller, the old internal port
        plaintext = Settings(kafka=KafkaSettings(bootstrap_servers=f"{host}:{listener}", request_timeout_ms=5000))
        with pytest.raises((KafkaError, TimeoutError)):
            asyncio.run(ping(plaintext, timeout_s=20))
    asyncio.run(ping(scram_settings(sasl_broker, PASSWORD), timeout_s=20))

    for path in [sasl_dir, *sasl_dir.rglob("*")]:
        assert path.stat().st_mode & 0o077 == 0, f"{path} is readable by others"
    assert not (sasl_dir / "format.args").exists(), "the storage tool's argument file is deleted"
    assert PASSWORD in (sasl_dir / "server.properties").read_text(), "the broker reads it from its own file"
    pid = (sasl_dir / "broker.pid").read_text().strip()
    assert PASSWORD.encode() not in Path(f"/proc/{pid}/cmdline").read_bytes()
