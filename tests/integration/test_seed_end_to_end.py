"""Seeds in through the real broker, events out on every topic."""

import asyncio

from consumers.commands.publish import publish, read_messages
from consumers.core.alerts import load_rules
from consumers.nlp.annotator import Annotator
from consumers.runtime.worker import EnrichmentWorker
from consumers.settings import Settings
from schemas import Alert, DeadLetter, EnrichedArticle, StanceEvent, decode
from tests.integration.conftest import ROOT, read_outputs

SEEDS = ROOT / "seeds"


async def run_worker(settings: Settings, annotator: Annotator, timeout_s: float = 300) -> None:
    worker = EnrichmentWorker(settings, annotator, load_rules())
    await asyncio.wait_for(worker.run(until_caught_up=True), timeout_s)


async def test_seed_articles_come_out_on_every_topic(settings: Settings, annotator: Annotator) -> None:
    published = await publish(settings, read_messages([SEEDS]))
    await run_worker(settings, annotator)
    out = await read_outputs(settings)

    enriched = [decode(EnrichedArticle, record.value or b"") for record in out["enriched"]]
    letters = [DeadLetter.from_record(r.key, r.value, list(r.headers)) for r in out["dlq"]]
    assert len(enriched) + len(letters) == published == len(list(SEEDS.iterdir()))

    seed = next(article for article in enriched if article.id == "bbb3b0f043b1dfd2")
    assert seed.provenance is not None and seed.provenance.topic == settings.topics.name("raw")
    names = [entity.name for entity in seed.entities]
    assert len(names) == len(set(names)), "each entity once"
    assert len({e.id for e in seed.entities}) == len(seed.entities)
    for expected in ("China", "Russia", "United States", "Taiwan", "Ukraine", "Sergei Shoigu", "Zhang Yuxia"):
        assert expected in names
    relations = {(r.source, r.target, r.stance) for r in seed.stances}
    assert ("country:CHN", "country:USA", "cooperative") in relations
    assert any(r.target == "bloc:west" and r.stance == "hostile" for r in seed.stances)

    events = [decode(StanceEvent, record.value or b"") for record in out["stance"]]
    assert len(events) == sum(len(article.stances) for article in enriched)
    for record, event in zip(out["stance"], events, strict=True):
        assert record.key == f"{event.source}->{event.target}".encode()
        assert event.evidence.text
    assert len({event.event_id for event in events}) == len(events)

    alerts = [decode(Alert, record.value or b"") for record in out["alerts"]]
    assert any("bloc:west" in alert.entities and alert.article_ids == [seed.id] for alert in alerts)

    assert sorted(letter.error_class for letter in letters) == ["InvalidJson", "SchemaMismatch", "UnsupportedLanguage"]
    originals = {message.value for message in read_messages([SEEDS])}
    for record, letter in zip(out["dlq"], letters, strict=True):
        assert record.value in originals, "dead letters carry the original bytes"
        assert letter.source_topic == settings.topics.name("raw")
