"""The stance map reads what ``stancewire sink`` stored, from SQLite and from a real PostgreSQL server alike."""

from pathlib import Path

from consumers.apps.sink import StorageSink
from consumers.apps.web.graph import FAR_FUTURE, FAR_PAST, Filters, graph
from consumers.apps.web.store import Store
from consumers.core import Record
from consumers.settings import Settings
from schemas import Alert, Severity, encode
from schemas.topics import ALERTS
from tests.integration.history import produce
from tests.integration.postgres import postgres_dsn, postgres_server  # noqa: F401 - fixtures
from tests.integration.test_sink import APRIL, publish_enrichments, with_sink

ALERT = Alert(
    event_id="alert-1",
    rule_id="escalation-hostile",
    severity=Severity.HIGH,
    summary="<b>3 hostile relations</b>",
    entities=["country:RUS", "bloc:west"],
    evidence=[],
    article_ids=["w1"],
    enrichment_version="test",
)


async def check_store(settings: Settings) -> None:
    await publish_enrichments(settings, ["w1", "w2"])
    await produce(settings, [Record("alerts", ALERTS.key(ALERT), encode(ALERT))] * 2)  # redelivered: stored once
    await StorageSink(settings).run(until_caught_up=True)
    store = Store(settings.sink)
    try:
        relations = store.relations(FAR_PAST, FAR_FUTURE)
        assert store.relations(FAR_PAST, APRIL) == [], "the window bounds the query"
        alerts = store.recent_alerts(10)
    finally:
        store.close()
    assert [(a["event_id"], a["summary"], a["entities"]) for a in alerts] == [
        ("alert-1", ALERT.summary, ALERT.entities)
    ], "the sink keeps alerts for the page's feed and the pairs' trends"
    assert len(relations) == 4, "each stored event once"
    hostile = next(r for r in relations if r.source == "country:RUS")
    assert (hostile.title in ("Article w1", "Article w2"), hostile.outlet, hostile.time) == (True, "test-wire", APRIL)
    assert (hostile.source_kind, hostile.target_kind) == ("country", "country")
    assert [hostile.evidence[slice(*span)] for span in hostile.highlights] == ["Russia", "the West"]
    edges = {edge["id"]: edge["count"] for edge in graph(relations, Filters())["edges"]}
    assert edges == {"country:CHN|country:USA|cooperative": 2, "country:RUS|bloc:west|hostile": 2}


async def test_the_map_reads_the_sinks_sqlite_file(settings: Settings, tmp_path: Path) -> None:
    await check_store(with_sink(settings, sqlite_path=tmp_path / "sink.db"))


async def test_the_map_reads_the_sinks_postgresql_tables(settings: Settings, postgres_dsn: str) -> None:  # noqa: F811
    await check_store(with_sink(settings, postgres_dsn=postgres_dsn))
