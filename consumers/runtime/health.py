"""The worker's HTTP endpoints for orchestrators and Prometheus.

``/healthz``: the event loop answers, the consume loop ran recently and,
while work is in flight, batches keep finishing (liveness). ``/readyz``:
models are loaded and the consumer joined its group (readiness). ``/metrics``: Prometheus text format.
"""

import asyncio
import logging
import time
from dataclasses import dataclass, field

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from consumers.settings import MetricsSettings

logger = logging.getLogger(__name__)


@dataclass
class WorkerState:
    """What the endpoints report; the worker updates it as it runs.

    Alive means the consume loop turned within ``stall_after_s`` and, while
    work is in flight, a batch finished within ``progress_stall_s``: a loop
    that turns while the models hang on one article is not healthy.
    """

    stall_after_s: float = 120.0
    progress_stall_s: float = 300.0
    models_loaded: bool = False
    joined: asyncio.Event = field(default_factory=asyncio.Event)
    last_loop_at: float = field(default_factory=time.monotonic)
    last_progress_at: float = field(default_factory=time.monotonic)
    working: bool = False

    @property
    def joined_group(self) -> bool:
        """Whether the consumer received its first assignment (or reads assigned partitions directly)."""
        return self.joined.is_set()

    def beat(self) -> None:
        """Mark one iteration of the consume loop."""
        self.last_loop_at = time.monotonic()

    def observe(self, in_flight_before: int, in_flight_after: int, waiting: int = 0) -> None:
        """Record one turn of the pipeline: batches in it before and after it moved finished work on.

        ``waiting``: fetched batches not yet let in (the pipeline was full); work too, but not progress.
        """
        if in_flight_after < in_flight_before or in_flight_after + waiting == 0:
            self.last_progress_at = time.monotonic()
        self.working = in_flight_after + waiting > 0

    @property
    def stalled(self) -> bool:
        """Work is in flight and no batch has finished for ``progress_stall_s``."""
        return self.working and time.monotonic() - self.last_progress_at > self.progress_stall_s

    @property
    def alive(self) -> bool:
        return time.monotonic() - self.last_loop_at < self.stall_after_s and not self.stalled

    @property
    def ready(self) -> bool:
        return self.models_loaded and self.joined_group and self.alive


def _app(state: WorkerState) -> web.Application:
    async def healthz(_: web.Request) -> web.Response:
        body = {"alive": state.alive, "stalled": state.stalled}
        return web.json_response(body, status=200 if state.alive else 503)

    async def readyz(_: web.Request) -> web.Response:
        body = {"ready": state.ready, "models_loaded": state.models_loaded, "joined_group": state.joined_group}
        return web.json_response(body, status=200 if state.ready else 503)

    async def metrics(_: web.Request) -> web.Response:
        return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
    return app


async def serve(state: WorkerState, host: str, port: int) -> web.AppRunner:
    """Start serving the endpoints on the running loop; ``await runner.cleanup()`` stops them."""
    runner = web.AppRunner(_app(state), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner


async def serve_if_enabled(state: WorkerState, metrics: MetricsSettings) -> web.AppRunner | None:
    """The endpoints for the sink and the escalation app: served when enabled, a warning (not a crash) if the port
    is taken, since they do their work without them."""
    if not metrics.enabled:
        return None
    try:
        return await serve(state, metrics.host, metrics.port)
    except OSError as error:
        logger.warning(
            "no /metrics, /healthz or /readyz: cannot listen on %s:%d (%s)", metrics.host, metrics.port, error
        )
        return None
