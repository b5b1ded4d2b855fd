"""The stance map's server: the token guards the data, never the page's own files; loopback by default."""

from datetime import datetime
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from consumers.apps.web import server
from consumers.apps.web.command import serve
from consumers.apps.web.live import Follower, Hub
from consumers.errors import ConfigurationError
from consumers.settings import Settings, WebSettings


class NoRelations:
    def relations(self, since: datetime, until: datetime) -> list[Any]:
        return []

    def recent_alerts(self, limit: int) -> list[dict[str, Any]]:
        return []


async def client(token: str | None) -> TestClient[Any, Any]:
    hub = Hub()
    app = server.build_app(NoRelations(), Follower(Settings(), hub), hub, token)  # type: ignore[arg-type]
    test_client = TestClient(TestServer(app))
    await test_client.start_server()
    return test_client


@pytest.mark.skipif(not server.CYTOSCAPE.is_file(), reason="npm ci has not installed cytoscape (make install)")
async def test_with_a_token_the_data_needs_it_and_the_page_does_not() -> None:
    guarded = await client("s3cret")
    try:
        assert (await guarded.get("/api/graph")).status == 401
        assert (await guarded.get("/api/graph", headers={"Authorization": "Bearer wrong"})).status == 401
        answer = await guarded.get("/api/graph", headers={"Authorization": "Bearer s3cret"})
        assert answer.status == 200 and (await answer.json())["nodes"] == []
        assert (await guarded.get("/api/alerts", params={"token": "s3cret"})).status == 200
        for path in ("/", "/static/app.js", "/vendor/cytoscape.min.js"):
            assert (await guarded.get(path)).status == 200, path
    finally:
        await guarded.close()


async def test_a_wider_binding_without_a_token_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="STANCEWIRE_WEB__TOKEN"):
        await serve(Settings(web=WebSettings(host="0.0.0.0")), "0.0.0.0", 0)  # noqa: S104
    assert Settings().web.host == "127.0.0.1"


def test_the_follower_skips_what_is_not_an_event_and_fans_out_the_rest() -> None:
    from schemas import encode
    from tests.factories import stance_event

    hub = Hub()
    follower = Follower(Settings(), hub)
    page = hub.join()
    follower._take("stance.events", b"{not json", 0)
    follower._take("stance.events", encode(stance_event("a1", "country:CHN", "country:USA", "cooperative")), 0)
    kind, data = page.get_nowait()
    assert (kind, data["source"], data["target"]) == ("stance", "country:CHN", "country:USA")
    assert page.empty() and list(follower.relations) == [data["event_id"]]
