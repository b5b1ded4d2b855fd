"""``stancewire web``: the stance map on the sink's database, following the broker live, until Ctrl-C."""

import argparse
import asyncio
import contextlib
import ipaddress
import signal

from aiohttp import web

from consumers.apps.web.live import Follower, Hub
from consumers.apps.web.server import EXECUTOR, build_app
from consumers.apps.web.store import Store
from consumers.errors import ConfigurationError
from consumers.settings import Settings


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


async def serve(settings: Settings, host: str, port: int) -> None:
    """Serve until SIGINT or SIGTERM; prints the page's address once it listens."""
    token = settings.web.token.get_secret_value() if settings.web.token else None
    if not token and not _loopback(host):
        raise ConfigurationError(f"STANCEWIRE_WEB__HOST={host} is not loopback: set STANCEWIRE_WEB__TOKEN too")
    store = await asyncio.to_thread(Store, settings.sink)
    hub = Hub()
    follower = Follower(settings, hub)
    app = build_app(store, follower, hub, token)
    runner = web.AppRunner(app, shutdown_timeout=1)
    await runner.setup()
    following = asyncio.create_task(follower.run())
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        bound = runner.addresses[0]
        print(f"stance map at http://{bound[0]}:{bound[1]}/ (Ctrl-C to stop)", flush=True)
        await stop.wait()
    finally:
        following.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await following
        await runner.cleanup()
        app[EXECUTOR].shutdown(wait=True)
        store.close()


def run_command(settings: Settings, args: argparse.Namespace) -> int:
    """The command's entry point (``--host``/``--port`` override the settings)."""
    asyncio.run(serve(settings, args.host or settings.web.host, settings.web.port if args.port is None else args.port))
    return 0
