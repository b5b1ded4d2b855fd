"""What ``stancewire tail`` shows and filters, record by record."""

from consumers.commands.tail import Shown, decode_value, matches, render, resolve_topic
from consumers.kafka.reader import ReadRecord
from consumers.settings import Settings, TopicSettings
from schemas import Alert, Severity, encode
from tests.factories import enriched_article, relation, stance_event


def _at(partition: int = 0, offset: int = 0, headers: tuple[tuple[str, bytes], ...] = ()) -> ReadRecord:
    """A record read at the epoch; its bytes do not matter, ``render`` shows the decoded value."""
    return ReadRecord("t", partition, offset, None, None, headers, timestamp_ms=0)


def test_short_names_resolve_with_the_prefix_and_full_names_keep_their_kind() -> None:
    settings = Settings(topics=TopicSettings(prefix="prod."))
    assert resolve_topic(settings, "stance") == ("prod.stance.events", "stance")
    assert resolve_topic(settings, "prod.articles.enriched") == ("prod.articles.enriched", "enriched")
    assert resolve_topic(settings, "someone.else") == ("someone.else", None)


def test_entity_filter_matches_ids_and_names_in_any_case() -> None:
    event = stance_event("a1", "country:RUS", "bloc:west", "hostile")
    assert matches(event, [])
    assert matches(event, ["country:rus"])
    assert matches(event, ["The West"])
    assert not matches(event, ["country:CHN"])
    article = enriched_article("a2", [relation("country:CHN", "country:USA", "cooperative")])
    assert matches(article, ["united states"]) and not matches(article, ["country:RUS"])
    assert not matches(b"not json", ["country:RUS"])


def test_values_decode_with_the_topic_model_and_bad_ones_stay_bytes() -> None:
    event = stance_event("a1", "country:RUS", "bloc:west", "hostile")
    assert decode_value("stance", encode(event)) == event
    assert decode_value("stance", b"{broken") == b"{broken"
    assert decode_value(None, b"anything") == b"anything"


def test_rendering_says_who_stands_where_toward_whom() -> None:
    event = stance_event("a1", "country:RUS", "bloc:west", "hostile")
    line = render(Shown(_at(partition=1, offset=7), event))
    assert "1970-01-01 00:00:00 p1@7" in line
    assert "Russia[/] [red]hostile[/] → [bold]the West" in line
    alert = Alert(
        event_id="e",
        rule_id="escalation-hostile",
        severity=Severity.HIGH,
        summary="More hostility [sic]",
        entities=["country:RUS", "bloc:west"],
        evidence=[],
        article_ids=[],
        enrichment_version="1",
    )
    assert "escalation-hostile: More hostility \\[sic]" in render(Shown(_at(), alert))
    headers = (("stancewire-error-class", b"InvalidJson"), ("stancewire-reason", b"not JSON"),
               ("stancewire-source-topic", b"articles.raw"), ("stancewire-source-partition", b"0"),
               ("stancewire-source-offset", b"3"), ("stancewire-event-id", b"x"), ("stancewire-attempts", b"1"),
               ("stancewire-schema-version", b"1"))  # fmt: skip
    assert "InvalidJson[/] from articles.raw/0@3: not JSON" in render(Shown(_at(headers=headers), b"{"))
