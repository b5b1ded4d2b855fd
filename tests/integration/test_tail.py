"""``stancewire tail`` against the real broker: from a timestamp, filtered, and live."""

import asyncio
import subprocess
import sys
from datetime import UTC, datetime

from consumers.settings import Settings
from tests.factories import stance_event, stance_record
from tests.integration.conftest import worker_env
from tests.integration.history import BETWEEN, EARLIER, LATER, produce


def tail_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "consumers.commands.cli", "tail", *args]


def test_tail_from_a_timestamp_filtered_by_entity(settings: Settings) -> None:
    old = stance_event("old", "country:RUS", "bloc:west", "hostile")
    other = stance_event("other", "country:CHN", "country:USA", "cooperative")
    new = stance_event("new", "country:RUS", "country:USA", "hostile")
    asyncio.run(produce(settings, [stance_record(old)], EARLIER))
    asyncio.run(produce(settings, [stance_record(e) for e in (other, new)], LATER))

    done = subprocess.run(
        tail_command("stance", "--since", BETWEEN.isoformat(), "--entity", "Russia", "--max", "1"),
        env={**worker_env(settings), "COLUMNS": "200"},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    lines = done.stdout.decode().strip().splitlines()
    assert len(lines) == 1
    assert "Russia hostile → United States" in lines[0] and "(0.90, new)" in lines[0]


async def test_tail_follows_new_records_live(settings: Settings) -> None:
    before = stance_event("before", "country:RUS", "bloc:west", "hostile")
    await produce(settings, [stance_record(before)])
    tail = await asyncio.create_subprocess_exec(
        *tail_command(settings.topics.name("stance"), "--max", "2"),
        env=worker_env(settings),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert tail.stderr is not None
    ready = await asyncio.wait_for(tail.stderr.readline(), 120)
    assert b"tailing" in ready, ready + await tail.stderr.read()

    live = [stance_event(f"live-{n}", "country:CHN", "country:USA", "cooperative") for n in range(2)]
    await produce(settings, [stance_record(event) for event in live], datetime.now(UTC))
    stdout, stderr = await asyncio.wait_for(tail.communicate(), 120)
    assert tail.returncode == 0, stderr.decode()
    text = stdout.decode()
    assert "live-0" in text and "live-1" in text
    assert "before" not in text, "live means from the end"
