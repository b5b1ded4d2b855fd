"""Integration fixtures: one real Kafka broker per test session, fresh topics per test."""

import asyncio
import os
import random
import socket
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from consumers.kafka.admin import create_topics
from consumers.kafka.reader import ReadRecord, read_to_end
from consumers.nlp.annotator import Annotator
from consumers.settings import KafkaSettings, MetricsSettings, Settings, TopicSettings, WorkerSettings
from schemas.topics import OUTPUT_KINDS

ROOT = Path(__file__).resolve().parents[2]
BROKER_SCRIPT = ROOT / "docker" / "kafka-local.sh"


def free_port_block(size: int = 3) -> str:
    """A port with ``size - 1`` free neighbours, below the ephemeral range (the broker uses port+1, port+2)."""
    for _ in range(100):
        port = random.randrange(20_000, 32_000, 4)  # noqa: S311 - not security
        try:
            for offset in range(size):
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", port + offset))
        except OSError:
            continue
        return str(port)
    raise RuntimeError("no free ports for a test broker")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start the project's local broker once for the session; stop and delete it afterwards."""
    data_dir = tmp_path_factory.mktemp("kafka")
    command = ["bash", str(BROKER_SCRIPT)]
    port = os.environ.get("STANCEWIRE_TEST_KAFKA_PORT") or free_port_block()
    where = ["--port", port, "--dir", str(data_dir)]
    subprocess.run([*command, "start", *where, "--timeout", "120"], check=True, capture_output=True)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        subprocess.run([*command, "stop", *where, "--clean"], check=False, capture_output=True)


@pytest.fixture(scope="session")
def annotator() -> Annotator:
    """The real NLP, loaded once for the session."""
    from consumers.nlp.pipeline import build_annotator

    return build_annotator(Settings())


@pytest.fixture
def settings(broker: str) -> Settings:
    """Settings with topics and a consumer group of this test's own, created on the broker."""
    run = uuid.uuid4().hex[:8]
    settings = Settings(
        kafka=KafkaSettings(bootstrap_servers=broker),
        topics=TopicSettings(prefix=f"test-{run}."),
        worker=WorkerSettings(group_id=f"test-{run}", batch_size=8, shutdown_timeout_s=60),
        metrics=MetricsSettings(port=0),  # tests and other workers share this host
    )
    asyncio.run(create_topics(settings))
    return settings


def worker_env(settings: Settings) -> dict[str, str]:
    """Environment that makes a ``stancewire`` subprocess use ``settings``' broker, topics and group."""
    return {
        **os.environ,
        "STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS": settings.kafka.bootstrap_servers,
        "STANCEWIRE_METRICS__PORT": "0",  # several workers share this host
        "STANCEWIRE_TOPICS__PREFIX": settings.topics.prefix,
        "STANCEWIRE_WORKER__GROUP_ID": settings.worker.group_id,
        "STANCEWIRE_WORKER__BATCH_SIZE": str(settings.worker.batch_size),
    }


async def read_outputs(settings: Settings) -> dict[str, list[ReadRecord]]:
    """Everything on the four output topics, by short name (enriched, stance, alerts, dlq)."""
    names = {settings.topics.name(kind): kind for kind in OUTPUT_KINDS}
    records = await read_to_end(settings.kafka, list(names))
    return {names[topic]: values for topic, values in records.items()}
