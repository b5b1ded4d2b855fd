"""Waiting on a process's /metrics and health endpoints, as an orchestrator and a scraper would see them."""

import asyncio
from collections.abc import Callable

import aiohttp


async def wait_until_served(base: str, health: str, needle: str, alive: Callable[[], None] = lambda: None) -> None:
    """Until ``base + health`` answers 200 and ``/metrics`` holds ``needle``; ``alive`` raises if the process died."""
    async with aiohttp.ClientSession() as session:
        for _ in range(600):
            await asyncio.sleep(0.2)
            alive()
            try:
                async with session.get(base + health) as answer, session.get(f"{base}/metrics") as metrics:
                    if answer.status == 200 and needle in await metrics.text():
                        return
            except aiohttp.ClientConnectionError:
                continue  # not listening yet
    raise AssertionError(f"{base}{health} never answered 200 with {needle!r} in /metrics")
