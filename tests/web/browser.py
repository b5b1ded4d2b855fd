"""Headless Debian Chromium driven by Playwright, and a ``stancewire web`` server for it to load."""

import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import pytest

ADDRESS = re.compile(r"stance map at (http://\S+)")


def chromium() -> str:
    """The system's Chromium (Debian's ``chromium``): no browser download; skip the caller without one."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("no chromium on PATH (apt-get install chromium; .ci/run does)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[dev]')")
    return path


@asynccontextmanager
async def browser_page(errors: list[str], width: int = 1400, height: int = 850) -> AsyncIterator[Any]:
    """A fresh page; console errors and uncaught exceptions are appended to ``errors``."""
    from playwright.async_api import async_playwright

    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=chromium(), args=["--disable-gpu"])
        try:
            page = await browser.new_page(viewport={"width": width, "height": height})
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: errors.append(str(error)))
            yield page
        finally:
            await browser.close()


@contextmanager
def web_server(env: dict[str, str]) -> Iterator[str]:
    """``stancewire web`` on a free port with ``env``; yields the address it prints."""
    process = subprocess.Popen(
        [sys.executable, "-m", "consumers.commands.cli", "web", "--port", "0"],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = process.stdout
    assert output is not None
    # Keeps reading its output (access logs) once it listens, so a full pipe never blocks the server.
    drain = threading.Thread(target=output.read, daemon=True)
    try:
        lines = []
        for line in output:
            lines.append(line)
            found = ADDRESS.search(line)
            if found:
                drain.start()
                yield found.group(1)
                break
        else:
            raise RuntimeError("stancewire web did not start:\n" + "".join(lines))
    finally:
        process.terminate()
        process.wait(timeout=30)
        if drain.is_alive() or drain.ident:
            drain.join(timeout=10)
        output.close()
