"""A worker killed or stopped mid-stream resumes from its committed offsets; nothing is lost."""

import asyncio
import signal
import subprocess
import sys
import time

from consumers.commands.benchmark.fixtures import as_messages
from consumers.commands.publish import publish
from consumers.settings import Settings
from schemas import EnrichedArticle, decode
from tests.faults.harness import committed_total
from tests.integration.articles import generated_articles
from tests.integration.conftest import read_outputs, worker_env

TOTAL = 240


def start_worker(settings: Settings, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "consumers.commands.cli", "worker", *args],
        env=worker_env(settings),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


async def wait_for_commits(settings: Settings, worker: subprocess.Popen[bytes], at_least: int) -> int:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        assert worker.poll() is None, worker.stderr.read().decode() if worker.stderr else "worker exited"
        done = await committed_total(settings)
        if done >= at_least:
            return done
        await asyncio.sleep(0.2)
    raise AssertionError("the worker committed nothing in time")


async def enriched_ids(settings: Settings) -> list[str]:
    out = await read_outputs(settings)
    return [decode(EnrichedArticle, record.value or b"").id for record in out["enriched"]]


async def test_killed_worker_resumes_from_committed_offsets_without_loss(settings: Settings) -> None:
    articles = generated_articles(TOTAL)
    await publish(settings, as_messages(articles))

    worker = start_worker(settings)
    committed = await wait_for_commits(settings, worker, at_least=1)
    worker.send_signal(signal.SIGKILL)
    worker.communicate(timeout=30)
    assert committed < TOTAL, "killed mid-stream"

    restarted = start_worker(settings, "--until-caught-up")
    _, stderr = restarted.communicate(timeout=600)
    assert restarted.returncode == 0, stderr.decode()

    ids = await enriched_ids(settings)
    assert set(ids) == {article.id for article in articles}, "no message lost"
    assert await committed_total(settings) == TOTAL
    # Redelivery after SIGKILL is bounded by what was in flight, never the whole stream.
    assert len(ids) - TOTAL < TOTAL - committed + 1


async def test_sigterm_drains_commits_and_leaves_no_duplicates(settings: Settings) -> None:
    articles = generated_articles(TOTAL, prefix="term")
    await publish(settings, as_messages(articles))

    worker = start_worker(settings)
    await wait_for_commits(settings, worker, at_least=1)
    worker.send_signal(signal.SIGTERM)
    _, stderr = worker.communicate(timeout=120)
    assert worker.returncode == 0, stderr.decode()

    stopped_at = await committed_total(settings)
    ids = await enriched_ids(settings)
    assert len(ids) == len(set(ids)) == stopped_at, "every committed message was enriched exactly once"

    restarted = start_worker(settings, "--until-caught-up")
    _, stderr = restarted.communicate(timeout=600)
    assert restarted.returncode == 0, stderr.decode()
    ids = await enriched_ids(settings)
    assert sorted(ids) == sorted(article.id for article in articles), "no loss and no duplicate"
