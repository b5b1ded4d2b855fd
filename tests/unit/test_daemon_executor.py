"""The annotation executor: calls run in order, errors reach their futures, and exiting never waits for one."""

import asyncio
import subprocess
import sys

import pytest

from consumers.runtime.daemon_executor import DaemonThreadExecutor


async def test_calls_run_in_order_and_errors_reach_their_futures() -> None:
    executor = DaemonThreadExecutor("test")
    loop = asyncio.get_running_loop()
    seen: list[int] = []
    first = loop.run_in_executor(executor, seen.append, 1)
    second = loop.run_in_executor(executor, seen.append, 2)
    failing = loop.run_in_executor(executor, int, "not a number")
    await asyncio.gather(first, second)
    with pytest.raises(ValueError, match="not a number"):
        await failing
    assert seen == [1, 2]
    executor.shutdown(wait=True)
    with pytest.raises(RuntimeError, match="after shutdown"):
        executor.submit(seen.append, 3)


def test_the_interpreter_exits_while_a_call_is_still_running() -> None:
    code = (
        "import time\n"
        "from consumers.runtime.daemon_executor import DaemonThreadExecutor\n"
        "executor = DaemonThreadExecutor('slow')\n"
        "executor.submit(time.sleep, 60)\n"
        "time.sleep(0.2)\n"
        "executor.shutdown(wait=False, cancel_futures=True)\n"
    )
    # a ThreadPoolExecutor would hold the exit for the whole minute, past this timeout
    subprocess.run([sys.executable, "-c", code], check=True, timeout=30)
