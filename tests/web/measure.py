"""The stance map at 2,000 nodes and 20,000 edges: load time and frame rate in headless Chromium.

Run: ``python -m tests.web.measure`` (a script, not a test: figures depend on the machine).
No broker is needed: the page serves the stored graph while its live follower waits for one.
"""

import argparse
import asyncio
import tempfile
from pathlib import Path
from typing import Any

from tests.web.browser import browser_page, web_server
from tests.web.synthetic import fill

# Counts the frames the browser paints (requestAnimationFrame) from now on.
_COUNT = """(() => { window.frames_ = 0;
  const tick = () => { window.frames_ += 1; requestAnimationFrame(tick); }; tick(); })()"""
_RELOAD = """async () => { const before = performance.now(); await window.stanceMap.load();
  return performance.now() - before; }"""


async def gestures(page: Any, seconds: float) -> float:
    """Frames per second during one long drag that pans (from an empty corner), then mouse-wheel zooming."""
    box = await page.locator("#graph").bounding_box()
    x, y = box["x"] + 12, box["y"] + 12
    before = await page.evaluate("[window.stanceMap.cy.pan(), window.stanceMap.cy.zoom()]")
    await page.evaluate(_COUNT)
    started = await page.evaluate("performance.now()")
    await page.mouse.move(x, y)
    await page.mouse.down()
    for step in range(int(seconds * 10)):
        await page.mouse.move(x + 6 * step, y + 3 * step)
        await asyncio.sleep(0.05)
    await page.mouse.up()
    for step in range(int(seconds * 10)):
        await page.mouse.wheel(0, 100 if step % 10 < 5 else -100)
        await asyncio.sleep(0.05)
    fps = float(await page.evaluate(f"window.frames_ / ((performance.now() - {started}) / 1000)"))
    after = await page.evaluate("[window.stanceMap.cy.pan(), window.stanceMap.cy.zoom()]")
    if after == before:
        raise RuntimeError("the gestures did not move the graph: no frame rate to report")
    return fps


async def measure(nodes: int, edges: int, database: Path) -> dict[str, Any]:
    """Load the page on a database of that size; the figures, in milliseconds and frames per second."""
    fill(database, nodes, edges)
    errors: list[str] = []
    with web_server(
        {"STANCEWIRE_SINK__SQLITE_PATH": str(database), "STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS": "127.0.0.1:9"}
    ) as url:
        async with browser_page(errors) as page:
            await page.goto(url)
            await page.wait_for_function("document.body.dataset.nodes > 0", timeout=300_000)
            drawn = await page.evaluate(
                "[document.body.dataset.nodes, document.body.dataset.edges, window.stanceMap.drawnAt]"
            )
            fps = await gestures(page, 5.0)
            reload_ms = await page.evaluate(_RELOAD)
    return {
        "nodes": int(drawn[0]),
        "edges": int(drawn[1]),
        "load_ms": drawn[2],
        "fps": fps,
        "reload_ms": reload_ms,
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        found = asyncio.run(measure(args.nodes, args.edges, Path(scratch) / "map.db"))
    print(
        f"{found['nodes']} nodes, {found['edges']} edges: page drawn {found['load_ms'] / 1000:.1f} s after navigation, "
        f"{found['fps']:.0f} frames/s while panning and zooming, a live reload {found['reload_ms'] / 1000:.1f} s"
        + (f"; console errors: {found['errors']}" if found["errors"] else "")
    )


if __name__ == "__main__":
    main()
