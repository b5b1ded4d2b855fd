"""Starting and stopping a long-running client: signals ask for a graceful stop, and no stop hangs."""

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable

logger = logging.getLogger(__name__)


def handle_signals(stack: contextlib.AsyncExitStack, on_signal: Callable[[], None]) -> None:
    """SIGTERM and SIGINT call ``on_signal`` while ``stack`` is open (where the loop supports signals)."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, on_signal)
            stack.callback(loop.remove_signal_handler, sig)


async def stop_within(stop: Callable[[], Awaitable[None]], client: str, timeout_s: float) -> None:
    """Stop a client, but never hang on it: with every broker gone, aiokafka's stop can wait forever."""
    try:
        async with asyncio.timeout(timeout_s):
            await stop()
    except TimeoutError:
        logger.warning("the Kafka %s did not stop within %.0fs; leaving it", client, timeout_s)
    except asyncio.CancelledError:
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            raise  # we are being cancelled ourselves
        # aiokafka's fetcher re-raises its own tasks' cancellation when the broker is gone
        logger.warning("the Kafka %s stopped without reaching the broker", client)
