"""The aiohttp application: the page's files, its JSON queries and its live stream (server-sent events)."""

import asyncio
import hmac
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from aiohttp import web
from aiohttp.typedefs import Middleware

from consumers.apps.web.graph import Filters, evidence, graph, trend
from consumers.apps.web.live import RECENT_ALERTS, Follower, Hub
from consumers.apps.web.relations import Relation
from consumers.apps.web.store import Store
from consumers.errors import ConfigurationError

HERE = Path(__file__).parent
STATIC = HERE / "static"
CYTOSCAPE = HERE / "node_modules" / "cytoscape" / "dist" / "cytoscape.min.js"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

STORE: web.AppKey[Store] = web.AppKey("store", Store)
FOLLOWER: web.AppKey[Follower] = web.AppKey("follower", Follower)
HUB: web.AppKey[Hub] = web.AppKey("hub", Hub)
EXECUTOR: web.AppKey[ThreadPoolExecutor] = web.AppKey("executor", ThreadPoolExecutor)


def _json(data: object) -> web.Response:
    return web.Response(body=orjson.dumps(data), content_type="application/json")


async def _relations(request: web.Request, filters: Filters) -> list[Relation]:
    """Stored relations in the window, and those followed live that the sink has not stored yet."""
    app = request.app
    loop = asyncio.get_running_loop()
    stored = await loop.run_in_executor(app[EXECUTOR], app[STORE].relations, filters.since, filters.until)
    seen = {relation.event_id for relation in stored}
    live = [
        relation
        for relation in list(app[FOLLOWER].relations.values())
        if relation.event_id not in seen and filters.since <= relation.time < filters.until
    ]
    return stored + live


def _filters(request: web.Request) -> Filters:
    return Filters.from_query(request.query, datetime.now(UTC))


async def _graph(request: web.Request) -> web.Response:
    filters = _filters(request)
    return _json(graph(await _relations(request, filters), filters))


async def _evidence(request: web.Request) -> web.Response:
    filters, query = _filters(request), request.query
    found = await _relations(request, filters)
    return _json(evidence(found, filters, query.get("source", ""), query.get("target", ""), query.get("stance", "")))


async def _trend(request: web.Request) -> web.Response:
    a, b = request.query.get("a", ""), request.query.get("b", "")
    known = await _known_alerts(request)
    alert_days = [alert["time"][:10] for alert in known if {a, b} <= set(alert["entities"])]
    return _json(trend(await _relations(request, Filters()), a, b, alert_days))


async def _known_alerts(request: web.Request) -> list[dict[str, Any]]:
    """The alerts followed live and those the sink stored, each once, newest first."""
    app = request.app
    loop = asyncio.get_running_loop()
    stored = await loop.run_in_executor(app[EXECUTOR], app[STORE].recent_alerts, RECENT_ALERTS)
    merged = {alert["event_id"]: alert for alert in [*stored, *app[FOLLOWER].alerts]}
    return sorted(merged.values(), key=lambda alert: str(alert["time"]), reverse=True)[:RECENT_ALERTS]


async def _alerts(request: web.Request) -> web.Response:
    return _json(await _known_alerts(request))


async def _stream(request: web.Request) -> web.StreamResponse:
    """``ready`` once the broker is followed, then ``stance`` and ``alert`` events; a comment every 15 s."""
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store"})
    await response.prepare(request)
    hub, follower = request.app[HUB], request.app[FOLLOWER]
    queue = hub.join()
    try:
        await follower.ready.wait()
        await response.write(b"event: ready\ndata: {}\n\n")
        while True:
            try:
                kind, data = await asyncio.wait_for(queue.get(), 15)
            except TimeoutError:
                await response.write(b": still here\n\n")
                continue
            await response.write(b"event: " + kind.encode() + b"\ndata: " + orjson.dumps(data) + b"\n\n")
    finally:
        hub.leave(queue)


def _guard(token: str | None) -> Middleware:
    """With a token, every ``/api/`` request carries it (a header, or ``?token=`` for EventSource)."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if token and request.path.startswith("/api/"):
            header = request.headers.get("Authorization", "")
            given = header.removeprefix("Bearer ") if header.startswith("Bearer ") else request.query.get("token", "")
            if not hmac.compare_digest(given.encode(), token.encode()):
                raise web.HTTPUnauthorized(headers={"WWW-Authenticate": "Bearer"})
        return await handler(request)

    return guard


async def _page(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html")


async def _cytoscape(request: web.Request) -> web.FileResponse:
    return web.FileResponse(CYTOSCAPE, headers={"Content-Type": "text/javascript"})


def build_app(store: Store, follower: Follower, hub: Hub, token: str | None) -> web.Application:
    """The routes; ``store`` is read from a thread of the app's own, the follower runs beside it."""
    if not CYTOSCAPE.is_file():
        raise ConfigurationError(f"{CYTOSCAPE} is missing: run `make install` (npm ci in {HERE})")
    app = web.Application(middlewares=[_guard(token)])
    app[STORE], app[FOLLOWER], app[HUB] = store, follower, hub
    app[EXECUTOR] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="web-db")
    app.router.add_get("/", _page)
    app.router.add_static("/static/", STATIC)
    app.router.add_get("/vendor/cytoscape.min.js", _cytoscape)
    app.router.add_get("/api/graph", _graph)
    app.router.add_get("/api/relations", _evidence)
    app.router.add_get("/api/trend", _trend)
    app.router.add_get("/api/alerts", _alerts)
    app.router.add_get("/api/stream", _stream)
    return app
