"""Fault scenarios against a real broker, each accounting for every message it produced.

Workers run as subprocesses (``stancewire worker``) with the passthrough
annotator, so thousands of messages flow in seconds: the scenarios test
delivery, not the models. Each scenario returns one ``Row``: produced,
enriched, dead-lettered, duplicated, lost.
"""

import asyncio
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import orjson
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import GroupCoordinatorNotAvailableError

from consumers.commands.publish import RawMessage, publish
from consumers.kafka.admin import create_topics
from consumers.kafka.reader import read_to_end
from consumers.settings import KafkaSettings, Settings, TopicSettings, WorkerSettings
from schemas import RawArticle

ROOT = Path(__file__).resolve().parents[2]
BROKER_SCRIPT = ROOT / "docker" / "kafka-local.sh"


@dataclass(frozen=True)
class Row:
    """One line of the fault table."""

    scenario: str
    produced: int
    enriched: int
    dead_lettered: int
    duplicated: int
    lost: int


@dataclass(frozen=True)
class Broker:
    """A local broker the scenarios may stop and start."""

    port: str
    data_dir: Path

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _run(self, action: str, *extra: str) -> None:
        subprocess.run(
            ["bash", str(BROKER_SCRIPT), action, "--port", self.port, "--dir", str(self.data_dir), *extra],
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        self._run("start", "--timeout", "120")

    def stop(self, clean: bool = False) -> None:
        self._run("stop", *(["--clean"] if clean else []))


@contextmanager
def running_broker(port: str, data_dir: Path) -> Iterator[Broker]:
    broker = Broker(port, data_dir)
    broker.start()
    try:
        yield broker
    finally:
        broker.stop(clean=True)


def scenario_settings(broker: Broker, partitions: int = 3, **worker: object) -> Settings:
    run = uuid.uuid4().hex[:8]
    return Settings(
        kafka=KafkaSettings(bootstrap_servers=broker.bootstrap),
        topics=TopicSettings(prefix=f"fault-{run}.", partitions=partitions),
        worker=WorkerSettings(group_id=f"fault-{run}", **worker),  # type: ignore[arg-type]
    )


def good_messages(count: int, prefix: str = "good") -> list[RawMessage]:
    messages = []
    for number in range(count):
        article = RawArticle(
            id=f"{prefix}-{number:05d}",
            url=f"https://example.org/{prefix}/{number}",
            title=f"Article {number}",
            body=f"Officials met on day {number} to discuss trade and energy cooperation.",
            source="fault-drill",
        )
        messages.append(RawMessage(article.id.encode(), article.model_dump_json().encode()))
    return messages


def bad_messages(count: int, seed: int = 7) -> list[RawMessage]:
    """Seeded, varied malformed inputs: mutated JSON, wrong types, missing fields, bad bytes, other languages."""
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    template = good_messages(1, "template")[0].value
    makers = [
        lambda n: template[: rng.randrange(1, len(template) - 1)],  # truncated JSON
        lambda n: bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64))),  # random bytes
        lambda n: b"\xff\xfe" + template,  # not UTF-8
        lambda n: orjson.dumps(rng.choice([[1, 2], "text", 42, None, True, {}])),  # JSON, not an object
        lambda n: orjson.dumps({"id": f"bad-{n}", "url": "https://e.org", "title": "t", "source": "s"}),  # no body
        lambda n: orjson.dumps({"id": f"bad-{n}", "url": "https://e.org", "title": "t", "body": " ", "source": "s"}),
        lambda n: orjson.dumps({"id": n, "url": 5, "title": [], "body": {}, "source": None}),  # wrong types
        lambda n: orjson.dumps(
            {"id": f"bad-{n}", "url": "https://e.org", "title": "t", "body": "Hallo.", "source": "s", "language": "de"}
        ),
        lambda n: template.replace(b'"body":"', b'"body":' + b"1" * rng.randrange(1, 5) + b',"x":"'),  # extra field
    ]
    return [RawMessage(f"bad-{n:05d}".encode(), makers[n % len(makers)](n)) for n in range(count)]


class Worker(subprocess.Popen[bytes]):
    """A ``stancewire worker`` subprocess whose log goes to a file (a pipe nobody reads would block it)."""

    log_path: Path
    started: ClassVar[list["Worker"]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        Worker.started.append(self)

    def log_tail(self, size: int = 4000) -> str:
        return self.log_path.read_text(errors="replace")[-size:]

    @classmethod
    def reap(cls) -> None:
        """Kill what a failed drill left running, so that it cannot disturb (or fail) the next one."""
        for process in cls.started:
            if process.poll() is None:
                process.kill()
                process.wait()
        cls.started.clear()


def worker_process(settings: Settings, *args: str, extra_env: dict[str, str] | None = None) -> Worker:
    env = {
        **os.environ,
        "STANCEWIRE_NLP__PIPELINE": "passthrough",
        "STANCEWIRE_METRICS__PORT": "0",  # several workers share this host
        "STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS": settings.kafka.bootstrap_servers,
        "STANCEWIRE_TOPICS__PREFIX": settings.topics.prefix,
        "STANCEWIRE_WORKER__GROUP_ID": settings.worker.group_id,
        "STANCEWIRE_WORKER__BATCH_SIZE": str(settings.worker.batch_size),
        "STANCEWIRE_WORKER__DELIVERY": settings.worker.delivery,
        "STANCEWIRE_WORKER__DLQ_MAX_CONSECUTIVE": str(settings.worker.dlq_max_consecutive),
    }
    env.update(extra_env or {})
    log = tempfile.NamedTemporaryFile(prefix="stancewire-worker-", suffix=".log", delete=False)
    worker = Worker(
        [sys.executable, "-m", "consumers.commands.cli", "worker", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    worker.log_path = Path(log.name)
    log.close()
    return worker


def finish(worker: Worker, timeout_s: float = 300) -> None:
    """Wait for a ``--until-caught-up`` worker; fail with its log if it did not exit cleanly."""
    worker.wait(timeout=timeout_s)
    if worker.returncode != 0:
        raise AssertionError(f"worker exited with {worker.returncode}:\n{worker.log_tail()}")


def kill(worker: Worker, sig: signal.Signals = signal.SIGKILL) -> None:
    worker.send_signal(sig)
    worker.wait(timeout=60)


async def committed_total(settings: Settings) -> int:
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka.bootstrap_servers)
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(settings.worker.group_id)
    except GroupCoordinatorNotAvailableError:  # a fresh broker creates its offsets topic on first use
        return 0
    finally:
        await admin.close()
    return sum(meta.offset for tp, meta in offsets.items() if tp.topic == settings.topics.name("raw"))


def wait_for_commits(settings: Settings, worker: Worker, at_least: int, timeout_s: float = 180) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise AssertionError(f"worker exited early:\n{worker.log_tail()}")
        if asyncio.run(committed_total(settings)) >= at_least:
            return
        time.sleep(0.1)
    raise AssertionError(f"fewer than {at_least} offsets committed in {timeout_s}s:\n{worker.log_tail()}")


def account(
    scenario: str, settings: Settings, good: list[RawMessage], bad: list[RawMessage], keyless_bad: int = 0
) -> Row:
    """Compare what was produced with what came out (read_committed) on the enriched and dead letter topics.

    ``keyless_bad``: bad messages published without a key (their dead letters have none either).
    """
    enriched_topic, dlq_topic = settings.topics.name("enriched"), settings.topics.name("dlq")
    out = asyncio.run(read_to_end(settings.kafka, [enriched_topic, dlq_topic]))
    enriched = Counter(record.key for record in out[enriched_topic])
    dead = Counter(record.key for record in out[dlq_topic])
    keyless_dead = dead.pop(None, 0)
    produced = {m.key for m in good} | {m.key for m in bad}
    duplicated = sum(n - 1 for n in enriched.values()) + sum(n - 1 for n in dead.values())
    return Row(
        scenario=scenario,
        produced=len(good) + len(bad) + keyless_bad,
        enriched=len(enriched.keys() & {m.key for m in good}),
        dead_lettered=len(dead.keys() & {m.key for m in bad}) + min(keyless_dead, keyless_bad),
        duplicated=duplicated + max(0, keyless_dead - keyless_bad),
        lost=len(produced - enriched.keys() - dead.keys()) + max(0, keyless_bad - keyless_dead),
    )


async def publish_keyless_empty(settings: Settings, count: int = 1) -> None:
    """Records with neither key nor value, as other clients can write them (aiokafka's ``send`` refuses them)."""
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka.bootstrap_servers)
    await producer.start()
    try:
        for _ in range(count):
            batch = producer.create_batch()
            batch.append(key=None, value=None, timestamp=None)
            await (await producer.send_batch(batch, settings.topics.name("raw"), partition=0))
    finally:
        await producer.stop()


def prepare(settings: Settings, messages: list[RawMessage]) -> None:
    asyncio.run(create_topics(settings))
    asyncio.run(publish(settings, messages))


class Feeder(threading.Thread):
    """Publishes messages in small chunks at a steady rate, so faults hit a stream that is still flowing."""

    def __init__(self, settings: Settings, messages: list[RawMessage], per_second: int = 300) -> None:
        super().__init__(daemon=True)
        self._settings, self._messages, self._per_second = settings, messages, per_second
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            asyncio.run(self._feed())
        except BaseException as error:  # noqa: BLE001 - reported by join_checked
            self.error = error

    async def _feed(self) -> None:
        chunk = max(1, self._per_second // 10)
        for start in range(0, len(self._messages), chunk):
            await publish(self._settings, self._messages[start : start + chunk])
            await asyncio.sleep(0.1)

    def join_checked(self) -> None:
        self.join(timeout=600)
        if self.error is not None:
            raise self.error
