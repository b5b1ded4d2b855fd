"""File mode without a broker: every output kind in its own file, today's flags kept, the worker's dead letters."""

from pathlib import Path

import pytest

from consumers.commands.enrich_file import enrich_file
from consumers.core.alerts import load_rules
from consumers.settings import Settings
from schemas import DeadLetter, EnrichedArticle, StanceEvent, decode
from tests.unit.fakes import FakeAnnotator, raw_value

LINES = [raw_value("a"), b"{oops", raw_value("b", body="BOOM goes the model"), b"", raw_value("c")]


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(LINES) + b"\n")
    return path


def test_every_topic_gets_a_file_of_its_records(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = enrich_file(Settings(), FakeAnnotator(), load_rules(), str(source), None, None, out)
    assert sorted(path.name for path in out.iterdir()) == [
        "alerts.jsonl", "articles.dlq.jsonl", "articles.enriched.jsonl", "stance.events.jsonl",
    ]  # fmt: skip
    enriched = [decode(EnrichedArticle, line) for line in (out / "articles.enriched.jsonl").read_bytes().splitlines()]
    assert [article.id for article in enriched] == ["a", "c"]
    assert enriched[0].provenance is not None and enriched[0].provenance.offset == 1  # the line number
    events = [decode(StanceEvent, line) for line in (out / "stance.events.jsonl").read_bytes().splitlines()]
    assert [event.article_id for event in events] == ["a", "c"]
    assert len((out / "alerts.jsonl").read_bytes().splitlines()) == 2
    letters = [decode(DeadLetter, line) for line in (out / "articles.dlq.jsonl").read_bytes().splitlines()]
    assert [(letter.source_offset, letter.error_class) for letter in letters] == [
        (2, "InvalidJson"),
        (3, "AnnotationFailed"),
    ]
    assert letters[1].reason == "annotation failed: RuntimeError: model exploded"  # as the worker says it
    assert letters[0].original_value == b"{oops" and letters[0].source_topic == str(source)
    assert result.summary() == "2 enriched, 2 dead-lettered, 2 stance events, 2 alerts"


def test_the_output_and_dead_letter_flags_write_what_they_wrote_before(source: Path, tmp_path: Path) -> None:
    out, enriched, dead = tmp_path / "out", tmp_path / "enriched.jsonl", tmp_path / "dead.jsonl"
    enrich_file(Settings(), FakeAnnotator(), load_rules(), str(source), str(enriched), str(dead), out)
    assert enriched.read_bytes() == (out / "articles.enriched.jsonl").read_bytes()
    assert dead.read_bytes() == (out / "articles.dlq.jsonl").read_bytes()


def test_enriched_articles_go_to_stdout_by_default(source: Path, capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    enrich_file(Settings(), FakeAnnotator(), load_rules(), str(source))
    captured = capfdbinary.readouterr()
    assert [decode(EnrichedArticle, line).id for line in captured.out.splitlines()] == ["a", "c"]
    assert f"{source}:2: InvalidJson".encode() in captured.err
