"""A running worker's /metrics, /healthz and /readyz move as messages flow through the real broker."""

import asyncio
import re
import signal
import sys
import time
from collections.abc import Callable
from subprocess import DEVNULL

import aiohttp

from consumers.commands.benchmark.fixtures import as_messages
from consumers.commands.publish import RawMessage, publish
from consumers.settings import Settings
from tests.integration.articles import generated_articles
from tests.integration.conftest import free_port_block, worker_env


def sample(metrics: str, name: str, labels: str = "") -> float:
    """Sum of the samples of ``name`` whose labels contain ``labels``."""
    pattern = re.compile(rf"^{name}(\{{[^}}]*\}})? ([0-9.e+-]+)$", re.M)
    return sum(float(value) for found_labels, value in pattern.findall(metrics) if labels in (found_labels or ""))


async def scrape(url: str) -> tuple[int, str]:
    try:
        async with aiohttp.ClientSession() as session, session.get(url) as response:
            return response.status, await response.text()
    except aiohttp.ClientConnectionError:
        return 0, ""


async def wait_for(url: str, done: Callable[[int, str], bool], timeout_s: float = 180) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        status, text = await scrape(url)
        if done(status, text):
            return text
        await asyncio.sleep(0.5)
    raise AssertionError(f"{url} never satisfied the condition; last answer: {status} {text[:500]}")


async def test_metrics_count_consumed_produced_and_dead_lettered(settings: Settings) -> None:
    port = free_port_block(1)
    env = {**worker_env(settings), "STANCEWIRE_METRICS__PORT": port, "STANCEWIRE_NLP__PIPELINE": "passthrough"}
    worker = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "consumers.commands.cli", "worker", env=env, stdout=DEVNULL, stderr=DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        await wait_for(f"{base}/readyz", lambda status, _: status == 200)
        assert (await scrape(f"{base}/healthz"))[0] == 200

        good = generated_articles(30, prefix="metrics")
        await publish(settings, [*as_messages(good), RawMessage(b"broken", b"{not json")])
        enriched = settings.topics.name("enriched")
        text = await wait_for(
            f"{base}/metrics",
            lambda _, body: sample(body, "stancewire_messages_produced_total", f'topic="{enriched}"') >= 30,
        )
        assert sample(text, "stancewire_messages_consumed_total") >= 31
        assert sample(text, "stancewire_dead_letters_total", 'reason="InvalidJson"') >= 1
        assert sample(text, "stancewire_batch_size_count") >= 1
        assert sample(text, "stancewire_inference_seconds_count") >= 1
        assert sample(text, "stancewire_end_to_end_latency_seconds_count") >= 31
        assert sample(text, "stancewire_rebalances_total") >= 1
        assert sample(text, "stancewire_assigned_partitions") == settings.topics.partitions
        lag = await wait_for(f"{base}/metrics", lambda _, body: "stancewire_consumer_lag{" in body)
        assert sample(lag, "stancewire_consumer_lag") >= 0
    finally:
        worker.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(worker.wait(), 60) == 0
