"""The stance map in headless Chromium, on a sink database the real pipeline filled from the seed articles."""

import os
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from consumers.apps.sink import StorageSink
from consumers.commands.publish import publish, read_messages
from consumers.core import Record
from consumers.kafka.admin import create_topics
from consumers.nlp.annotator import Annotator
from consumers.settings import KafkaSettings, MetricsSettings, Settings, SinkSettings, TopicSettings, WorkerSettings
from schemas import Alert, Evidence, StanceEvent, encode, make_event_id
from tests.factories import relation, stance_record
from tests.integration.conftest import ROOT, worker_env
from tests.integration.history import produce
from tests.integration.test_seed_end_to_end import run_worker
from tests.web.browser import browser_page, chromium, web_server

SCRIPT = "<script>window.injected = 1</script>"
GRAPH = "window.stanceMap.cy"
POSITIONS = "Object.fromEntries(window.stanceMap.cy.nodes().map((n) => [n.id(), n.position()]))"


@pytest.fixture(scope="module")
async def seeded(broker: str, annotator: Annotator, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Any]:
    """Seeds through the worker and the sink into SQLite, then ``stancewire web`` on it: (settings, address)."""
    chromium()
    run = uuid.uuid4().hex[:8]
    settings = Settings(
        kafka=KafkaSettings(bootstrap_servers=broker),
        topics=TopicSettings(prefix=f"test-{run}."),
        worker=WorkerSettings(group_id=f"test-{run}", batch_size=8, shutdown_timeout_s=60),
        sink=SinkSettings(group_id=f"test-{run}-sink", sqlite_path=tmp_path_factory.mktemp("web") / "sink.db"),
        metrics=MetricsSettings(port=0),
    )
    await create_topics(settings)
    await publish(settings, read_messages([ROOT / "seeds"]))
    await run_worker(settings, annotator)
    await StorageSink(settings).run(until_caught_up=True)
    with web_server({**worker_env(settings), "STANCEWIRE_SINK__SQLITE_PATH": str(settings.sink.sqlite_path)}) as url:
        yield settings, url


async def opened(page: Any, url: str) -> None:
    """Load the page and wait until it draws the graph and follows the broker."""
    await page.goto(url)
    await page.wait_for_function("document.body.dataset.nodes > 0 && document.body.dataset.live === 'on'")


async def edges(page: Any) -> set[str]:
    return set(await page.evaluate(f"{GRAPH}.edges().map((e) => e.id())"))


async def click_edge(page: Any, edge_id: str) -> None:
    """A real mouse click on the edge's drawn midpoint."""
    x, y = await page.evaluate(
        """(id) => { const p = window.stanceMap.cy.getElementById(id).renderedMidpoint();
        const box = document.getElementById('graph').getBoundingClientRect();
        return [p.x + box.left, p.y + box.top]; }""",
        edge_id,
    )
    await page.mouse.click(x, y)


async def test_the_graph_shows_the_seed_actors_and_their_stances(seeded: Any) -> None:
    errors: list[str] = []
    async with browser_page(errors) as page:
        await opened(page, seeded[1])
        names = set(await page.evaluate(f"{GRAPH}.nodes().map((n) => n.data('name'))"))
        assert {"China", "United States", "Russia"} <= names
        found = await edges(page)
        assert "country:CHN|country:USA|cooperative" in found
        assert any(edge.endswith("|bloc:west|hostile") for edge in found)
        kinds = await page.evaluate(f"Object.fromEntries({GRAPH}.nodes().map((n) => [n.id(), n.data('kind')]))")
        assert kinds["country:CHN"] == "country"
    assert errors == []


async def test_clicking_an_edge_shows_its_evidence_and_the_pair_trend(seeded: Any) -> None:
    errors: list[str] = []
    async with browser_page(errors) as page:
        await opened(page, seeded[1])
        await click_edge(page, "country:CHN|country:USA|cooperative")
        await page.wait_for_selector("#evidence li")
        tooltip = await page.inner_text("#tooltip")
        assert tooltip.startswith("China → United States: cooperative"), "hovering names the edge"
        assert "COOPERATE" in tooltip, "and its event types"
        assert (await page.inner_text("#detail-title")).startswith("China → United States: cooperative")
        item = page.locator("#evidence li").first
        assert await item.locator("a").inner_text() == "China wants military cooperation with the United States"
        assert await item.locator("a").get_attribute("href") == (
            "https://www.dw.com/en/china-wants-military-cooperation-with-the-united-states/a-bbb3b0f043b1dfd2"
        )
        assert await item.locator("mark").count() >= 1, "the two sides are highlighted in the sentence"
        assert await page.locator("#trend rect.cooperative").count() >= 1
        if os.environ.get("STANCEWIRE_WEB_SCREENSHOT"):
            await page.mouse.move(5, 5)  # the tooltip off the nodes
            await page.screenshot(path=os.environ["STANCEWIRE_WEB_SCREENSHOT"])
    assert errors == []


async def test_a_filter_narrows_the_graph_and_its_link_reopens_it(seeded: Any) -> None:
    errors: list[str] = []
    async with browser_page(errors) as page:
        await opened(page, seeded[1])
        everything = await edges(page)
        await page.fill("input[name=q]", "Russia")
        await page.press("input[name=q]", "Enter")
        await page.wait_for_function(f"{GRAPH}.edges().length < {len(everything)}")
        narrowed = await edges(page)
        assert narrowed and all("country:RUS" in edge.split("|")[:2] for edge in narrowed)
        assert "q=Russia" in page.url
        await opened(page, page.url)
        assert await edges(page) == narrowed, "the URL holds the filter"
    assert errors == []


async def test_a_node_click_keeps_its_edges(seeded: Any) -> None:
    errors: list[str] = []
    async with browser_page(errors) as page:
        await opened(page, seeded[1])
        x, y = await page.evaluate(
            """(() => { const p = window.stanceMap.cy.getElementById('country:CHN').renderedPosition();
            const box = document.getElementById('graph').getBoundingClientRect();
            return [p.x + box.left, p.y + box.top]; })()"""
        )
        await page.mouse.click(x, y)
        await page.wait_for_url("**node=country%3ACHN**")
        await page.wait_for_function(
            f"{GRAPH}.edges().every((e) => e.id().split('|').slice(0, 2).includes('country:CHN'))"
        )
        assert await edges(page)
    assert errors == []


async def test_a_published_alert_tops_the_feed_as_text(seeded: Any) -> None:
    settings, url = seeded
    errors: list[str] = []
    async with browser_page(errors) as page:
        await opened(page, url)
        seeded_alerts = await page.locator("#alerts li").count()
        assert seeded_alerts >= 1, "the seeds' alerts are in the feed"
        summary = f"{SCRIPT} France and Germany escalate"
        alert = Alert(
            event_id="live-alert-1",
            rule_id="escalation",
            severity="critical",
            summary=summary,
            entities=["country:FRA", "country:DEU"],
            evidence=[],
            article_ids=["live-1"],
            enrichment_version=settings.enrichment_version,
        )
        await produce(settings, [Record("alerts", b"escalation", encode(alert))])
        newest = page.locator("#alerts li").first
        await page.wait_for_function(f"document.querySelectorAll('#alerts li').length > {seeded_alerts}")
        assert await newest.get_attribute("data-severity") == "critical"
        assert summary in await newest.inner_text()
        assert await page.evaluate("window.injected") is None
    assert errors == []


async def test_a_published_event_appears_live_and_its_evidence_stays_text(seeded: Any) -> None:
    settings, url = seeded
    errors: list[str] = []
    async with browser_page(errors) as page:
        await opened(page, url)
        sentence = f"{SCRIPT} France warned Germany over the <b>pipeline</b>."
        found = relation("country:FRA", "country:DEU", "hostile", sentence)
        event = StanceEvent(
            event_id=make_event_id("stance", "live-1", settings.enrichment_version, found.source, found.target),
            article_id="live-1",
            article_url="https://example.org/live-1",
            enrichment_version=settings.enrichment_version,
            **found.model_copy(
                update={"evidence": Evidence(text=sentence, field="body", start=0, end=len(sentence))}
            ).model_dump(),
        )
        placed = await page.evaluate(POSITIONS)
        await produce(settings, [stance_record(event)])
        edge = "country:FRA|country:DEU|hostile"
        await page.wait_for_function(f"{GRAPH}.getElementById('{edge}').nonempty()", timeout=15_000)
        after = await page.evaluate(POSITIONS)
        assert {node: after[node] for node in placed} == placed, "no node already on the map moved"
        await click_edge(page, edge)
        await page.wait_for_selector("#evidence li")
        assert SCRIPT in await page.locator("#evidence li .evidence").inner_text()
        assert await page.locator("#evidence script, #evidence b").count() == 0
        assert await page.evaluate("window.injected") is None
    assert errors == []


async def test_with_a_token_the_page_needs_it_in_its_link(seeded: Any) -> None:
    settings, _ = seeded
    env = {**worker_env(settings), "STANCEWIRE_SINK__SQLITE_PATH": str(settings.sink.sqlite_path)}
    with web_server({**env, "STANCEWIRE_WEB__TOKEN": "map-s3cret"}) as url:
        errors: list[str] = []
        async with browser_page(errors) as page:
            await opened(page, f"{url}?token=map-s3cret")
            assert "country:CHN|country:USA|cooperative" in await edges(page)
        assert errors == []
        async with browser_page(errors) as page:
            await page.goto(url)
            await page.wait_for_function("document.getElementById('problem').textContent.includes('401')")
            assert await page.evaluate(f"{GRAPH}.nodes().length") == 0
