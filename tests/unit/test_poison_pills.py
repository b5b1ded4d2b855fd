"""Inputs that once stopped the worker on every restart: each is now bounded, or dead-lettered alone."""

import asyncio
from typing import Any

import orjson
import pytest
from aiokafka import TopicPartition
from aiokafka.errors import MessageSizeTooLargeError, TopicAuthorizationFailedError

from consumers.core import Received, dead_letter, outcomes, records_of
from consumers.core.alerts import load_rules
from consumers.core.decode import Decoder, decode_article
from consumers.core.enrichment import MAX_REASON_CHARS
from consumers.core.records import ORIGINAL_OMITTED, Record, dead_letter_record, size_of
from consumers.errors import OutputRejected, OutputTooLarge, SchemaMismatch, TitleTooLong
from consumers.runtime.health import WorkerState
from consumers.runtime.records import Batch
from consumers.runtime.steps import CommitOffsets, ProduceRecords
from consumers.settings import TopicSettings
from schemas import DeadLetter, RawArticle
from tests.unit.fakes import FakeAnnotator, FakeCommitter, FakeProducer, raw_value, received

EN = frozenset({"en"})
RULES = load_rules()


def test_a_dead_letter_of_a_message_with_neither_key_nor_value_is_not_a_tombstone() -> None:
    message = Received("articles.raw", 0, 5, None, None)
    letter = dead_letter(message, SchemaMismatch("empty value (tombstone)"), "1")
    record = dead_letter_record(letter)
    assert record.key is None
    assert record.value == b""  # Kafka refuses a record with neither key nor value


def test_a_schema_mismatch_with_thousands_of_bad_keys_gives_a_short_reason() -> None:
    wrong = {"id": [], "url": 5, "title": {}, "body": None, "source": [], "language": 7, "published_at": "soon"}
    value = orjson.dumps({**wrong, **{f"field_{i}": "x" * 20 for i in range(10_000)}})  # ~300 KB, 7 problems
    with pytest.raises(SchemaMismatch) as raised:
        decode_article(value, 100_000, EN)
    assert len(raised.value.reason) < 1_000
    assert "more" in raised.value.reason  # says how many problems it left out
    record = dead_letter_record(dead_letter(received(0, value), raised.value, "1"))
    assert sum(len(v) for _, v in record.headers) < 2_000


def test_any_reason_is_cut_to_the_limit_with_a_marker() -> None:
    letter = dead_letter(received(0, b"x"), SchemaMismatch("y" * 50_000), "1")
    assert len(letter.reason) == MAX_REASON_CHARS
    assert letter.reason.endswith("more characters]")


def test_a_long_title_is_dead_lettered() -> None:
    long_title = RawArticle(id="a", url="https://example.org/a", title="T" * 51, body="b", source="s")
    with pytest.raises(TitleTooLong, match="limit is 50"):
        decode_article(long_title.model_dump_json().encode(), 100_000, EN, max_title_chars=50)
    assert isinstance(Decoder(100_000, EN, max_title_chars=50).decode(raw_value("a")), RawArticle)


def test_an_original_too_large_beside_its_headers_is_left_out_and_named() -> None:
    letter = dead_letter(received(0, b"v" * 5_000), SchemaMismatch("bad"), "1")
    record = dead_letter_record(letter, max_record_bytes=4_000)
    assert record.value == b""
    assert dict(record.headers)[ORIGINAL_OMITTED].startswith(b"5000 bytes")
    assert size_of(record) <= 4_000
    rebuilt = DeadLetter.from_record(record.key, record.value, record.headers)  # readers skip the note
    assert rebuilt.reason == "bad"


def test_an_enrichment_over_the_record_limit_becomes_a_short_dead_letter() -> None:
    body = "Aland threatens Borduria with war. " * 200
    items = [(received(0, raw_value("big", body=body)), decode_article(raw_value("big", body=body), 100_000, EN))]
    annotations = FakeAnnotator().annotate([item[1] for item in items])
    (fits,) = outcomes(items, annotations, FakeAnnotator.versions, RULES, max_record_bytes=1_000_000)
    (over,) = outcomes(items, annotations, FakeAnnotator.versions, RULES, max_record_bytes=8_000)
    assert not isinstance(fits, DeadLetter)
    assert isinstance(over, DeadLetter) and over.error_class == OutputTooLarge.__name__
    assert "8000-byte record limit" in over.reason
    assert [record.kind for record in records_of(over, 8_000)] == ["dlq"]


def _dead_letter_for(origin: Received, error: OutputRejected) -> Record:
    return dead_letter_record(dead_letter(origin, error, "1"))


async def _produce(error: BaseException, *, dead_letters: bool = True) -> tuple[FakeProducer, FakeCommitter, Any]:
    """One batch of two messages; the broker refuses the first message's record with ``error``."""
    producer, committer = FakeProducer(), FakeCommitter()
    produce = ProduceRecords(
        CommitOffsets(committer.commit, interval_s=0),
        producer,
        TopicSettings(),
        max_in_flight=2,
        dead_letter_for=_dead_letter_for if dead_letters else None,
    )
    batch = Batch([(received(0, b"raw-0"), [Record("enriched", b"a", b"big")]), (received(1, b"raw-1"), [])])
    await produce.submit(batch)
    producer.acks[0].set_exception(error)
    await asyncio.sleep(0)
    return producer, committer, produce


async def test_a_record_the_broker_refuses_is_replaced_by_a_dead_letter_and_the_batch_commits() -> None:
    producer, committer, produce = await _produce(MessageSizeTooLargeError("too big"))
    await produce.poll()
    topic, value, key, headers = producer.sent[1]
    assert topic == "articles.dlq" and value == b"raw-0" and key == b"k0"
    assert dict(headers)["stancewire-error-class"] == b"OutputRejected"
    producer.acks[1].set_result(None)
    await produce.join()
    assert committer.commits == [{TopicPartition("articles.raw", 0): 2}]


async def test_a_cluster_wide_refusal_still_stops_the_worker_with_nothing_committed() -> None:
    _, committer, produce = await _produce(TopicAuthorizationFailedError())
    with pytest.raises(TopicAuthorizationFailedError):
        await produce.join()
    assert committer.commits == []


async def test_a_refused_dead_letter_stops_the_worker() -> None:
    producer, committer, produce = await _produce(MessageSizeTooLargeError("too big"))
    await produce.poll()
    producer.acks[1].set_exception(MessageSizeTooLargeError("still too big"))
    with pytest.raises(MessageSizeTooLargeError, match="still too big"):
        await produce.join()
    assert committer.commits == []


async def test_offsets_of_partitions_no_longer_owned_are_never_committed() -> None:
    committer = FakeCommitter()
    owned = {TopicPartition("articles.raw", 0)}
    commit = CommitOffsets(committer.commit, interval_s=0, owned=lambda: owned)
    await commit.submit(Batch([(received(3, b""), None), (received(7, b"", partition=1), None)]))
    await commit.join()
    assert committer.commits == [{TopicPartition("articles.raw", 0): 4}]


def test_health_fails_when_work_is_in_flight_and_nothing_finishes() -> None:
    state = WorkerState(progress_stall_s=0.0)
    state.observe(in_flight_before=0, in_flight_after=0)
    assert state.alive  # idle is healthy
    state.observe(in_flight_before=2, in_flight_after=2)
    state.last_progress_at -= 1.0
    assert state.stalled and not state.alive
    state.observe(in_flight_before=2, in_flight_after=1, waiting=1)  # a batch finished, one more let in later
    state.progress_stall_s = 60.0
    assert state.alive and state.working


def test_a_dead_letter_whose_key_alone_passes_the_limit_leaves_key_and_value_out() -> None:
    message = Received("articles.raw", 0, 9, b"k" * 5_000, b"v" * 5_000)
    record = dead_letter_record(dead_letter(message, SchemaMismatch("bad"), "1"), max_record_bytes=4_000)
    assert record.key is None and record.value == b""
    assert size_of(record) <= 4_000


def test_a_stall_timeout_shorter_than_a_batch_of_budgets_is_refused() -> None:
    from consumers.errors import ConfigurationError
    from consumers.runtime.worker import EnrichmentWorker
    from consumers.settings import NlpSettings, Settings, WorkerSettings

    settings = Settings(
        worker=WorkerSettings(batch_size=16, stall_timeout_s=100), nlp=NlpSettings(article_time_budget_s=10)
    )
    with pytest.raises(ConfigurationError, match="STANCEWIRE_WORKER__STALL_TIMEOUT_S"):
        EnrichmentWorker(settings, FakeAnnotator(), RULES)
