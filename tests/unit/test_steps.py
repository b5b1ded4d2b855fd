"""Each step with a fake next step: ordering, backpressure, dead letters, commit safety."""

import asyncio
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from aiokafka import TopicPartition

from consumers.core import decode
from consumers.core.alerts import load_rules
from consumers.core.decode import Decoder
from consumers.errors import DeadLetterLimitExceeded
from consumers.nlp.annotator import Annotation
from consumers.runtime.records import Batch, Record
from consumers.runtime.steps import CommitOffsets, DecodeArticles, EnrichArticles, MessageRejected, ProduceRecords
from consumers.runtime.steps.enrich import CallSize, DeadLetterGuard
from consumers.settings import TopicSettings
from schemas import DeadLetter, EnrichedArticle, RawArticle
from schemas import decode as decode_message
from tests.unit.fakes import FakeAnnotator, FakeCommitter, FakeProducer, RecordingStep, raw_value, received

TOPICS = TopicSettings()
EN = frozenset({"en"})


def make_enrich(next_step: RecordingStep, max_in_flight: int = 2, max_dead: int = 100) -> EnrichArticles:
    return EnrichArticles(
        next_step,
        FakeAnnotator(),
        ThreadPoolExecutor(1),
        load_rules(),
        DeadLetterGuard(max_dead),
        max_in_flight=max_in_flight,
    )


async def test_decode_marks_invalid_messages_and_keeps_order() -> None:
    sink = RecordingStep()
    decode_step = DecodeArticles(sink, Decoder(1000, EN))
    await decode_step.submit(
        Batch.of([received(0, raw_value("a")), received(1, b"{oops"), received(2, raw_value("b"))])
    )
    payloads = [payload for _, payload in sink.batches[0].items]
    assert [type(p).__name__ for p in payloads] == ["RawArticle", "InvalidJson", "RawArticle"]


async def test_a_batch_offered_again_after_a_rejection_is_decoded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bytes | None] = []
    real = decode.decode_article

    def counting(value: bytes | None, *args: Any, **kwargs: Any) -> RawArticle:
        calls.append(value)
        return real(value, *args, **kwargs)

    monkeypatch.setattr(decode, "decode_article", counting)
    full = RecordingStep(capacity=0)
    decode_step = DecodeArticles(full, Decoder(1000, EN))
    batch = Batch.of([received(0, raw_value("a")), received(1, raw_value("b"))])
    for _ in range(3):
        with pytest.raises(MessageRejected):
            await decode_step.submit(batch)
    full.capacity = 10
    await decode_step.submit(batch)
    assert len(calls) == 2
    assert [payload.id for _, payload in full.batches[0].items if isinstance(payload, RawArticle)] == ["a", "b"]
    await decode_step.submit(Batch.of([received(2, raw_value("c"))]))  # a new batch is decoded anew
    assert len(calls) == 3


async def test_enrich_builds_every_output_and_dead_letters_the_original_bytes() -> None:
    sink = RecordingStep()
    chain = DecodeArticles(make_enrich(sink), Decoder(1000, EN))
    bad = b'{"id": 1, "truncated'
    await chain.submit(Batch.of([received(5, raw_value("a")), received(6, bad)]))
    await chain.join()

    (batch,) = sink.batches
    (_, good_records), (_, dead_records) = batch.items
    kinds = [record.kind for record in good_records]
    assert kinds == ["enriched", "stance", "alerts"]
    assert good_records[2].key == b"hostile-military:country:AAA->country:BBB"
    enriched = decode_message(EnrichedArticle, good_records[0].value or b"")
    assert enriched.provenance is not None and enriched.provenance.offset == 5
    assert good_records[1].key == b"country:AAA->country:BBB"

    (dead,) = dead_records
    assert dead.kind == "dlq"
    assert dead.value == bad and dead.key == b"k6"
    letter = DeadLetter.from_record(dead.key, dead.value, dead.headers)
    assert (letter.error_class, letter.source_offset, letter.source_topic) == ("InvalidJson", 6, "articles.raw")


async def test_a_model_error_on_one_article_dead_letters_only_that_article() -> None:
    sink = RecordingStep()
    chain = DecodeArticles(make_enrich(sink), Decoder(1000, EN))
    await chain.submit(
        Batch.of(
            [
                received(0, raw_value("a")),
                received(1, raw_value("b", body="BOOM goes the model")),
                received(2, raw_value("c")),
            ]
        )
    )
    await chain.join()
    outcomes = [records[0].kind for _, records in sink.batches[0].items]
    assert outcomes == ["enriched", "dlq", "enriched"]
    letter = DeadLetter.from_record(None, None, sink.batches[0].items[1][1][0].headers)
    assert letter.error_class == "AnnotationFailed" and "model exploded" in letter.reason


async def test_enrich_rejects_when_full_and_accepts_after_poll() -> None:
    sink = RecordingStep()
    step = make_enrich(sink, max_in_flight=1)
    decoded = DecodeArticles(step, Decoder(1000, EN))
    await decoded.submit(Batch.of([received(0, raw_value("a"))]))
    with pytest.raises(MessageRejected):
        await decoded.submit(Batch.of([received(1, raw_value("b"))]))
    await step.join()
    await decoded.submit(Batch.of([received(1, raw_value("b"))]))
    await step.join()
    assert [batch.items[0][0].offset for batch in sink.batches] == [0, 1]


class GatedAnnotator(FakeAnnotator):
    """Holds its first call until released, and records how many articles each call had."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.sizes: list[int] = []

    def annotate(self, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
        self.release.wait(timeout=10)
        self.sizes.append(len(articles))
        return super().annotate(articles)


def gated_chain(sink: RecordingStep, annotator: GatedAnnotator, call_size: CallSize) -> DecodeArticles:
    enrich = EnrichArticles(
        sink, annotator, ThreadPoolExecutor(1), load_rules(), DeadLetterGuard(100), 2, call_size=call_size
    )
    return DecodeArticles(enrich, Decoder(1000, EN))


async def test_batches_that_arrive_while_the_models_work_share_the_next_call_and_stay_apart() -> None:
    sink, annotator = RecordingStep(), GatedAnnotator()
    chain = gated_chain(sink, annotator, CallSize(articles=16))
    for offset in range(4):  # the first is annotated alone; the other three arrive while it runs
        await chain.submit(Batch.of([received(offset, raw_value(f"a{offset}"))]))
    annotator.release.set()
    await chain.join()
    assert annotator.sizes == [1, 3]
    assert [[received.offset for received, _ in batch.items] for batch in sink.batches] == [[0], [1], [2], [3]]
    ids = [decode_message(EnrichedArticle, batch.items[0][1][0].value or b"").id for batch in sink.batches]
    assert ids == ["a0", "a1", "a2", "a3"]


async def test_a_call_takes_no_more_than_its_size_and_a_batch_past_it_waits_for_room() -> None:
    sink, annotator = RecordingStep(), GatedAnnotator()
    chain = gated_chain(sink, annotator, CallSize(articles=2))
    await chain.submit(Batch.of([received(0, raw_value("a"))]))
    await chain.submit(Batch.of([received(1, raw_value("b"))]))
    await chain.submit(Batch.of([received(2, raw_value("c"))]))  # past max_in_flight, but joins b's call
    with pytest.raises(MessageRejected):  # b and c fill the next call
        await chain.submit(Batch.of([received(3, raw_value("d"))]))
    annotator.release.set()
    await chain.join()
    await chain.submit(Batch.of([received(3, raw_value("d"))]))
    await chain.join()
    assert annotator.sizes == [1, 2, 1]
    assert [batch.items[0][0].offset for batch in sink.batches] == [0, 1, 2, 3]


async def test_batches_without_articles_cannot_pile_up_past_the_limit() -> None:
    sink, annotator = RecordingStep(), GatedAnnotator()
    chain = gated_chain(sink, annotator, CallSize(articles=4))
    await chain.submit(Batch.of([received(0, raw_value("a"))]))  # annotating
    await chain.submit(Batch.of([received(1, raw_value("b"))]))  # waiting: max_in_flight (2) reached
    for offset in range(2, 5):  # cost the models nothing, but each is a batch to hold: three join b's call
        await chain.submit(Batch.of([received(offset, b"not json")]))
    with pytest.raises(MessageRejected):
        await chain.submit(Batch.of([received(5, b"not json")]))
    annotator.release.set()
    await chain.join()
    assert annotator.sizes == [1, 1]
    assert [batch.items[0][0].offset for batch in sink.batches] == [0, 1, 2, 3, 4]


async def test_too_many_dead_letters_in_a_row_stop_the_pipeline() -> None:
    sink = RecordingStep()
    chain = DecodeArticles(make_enrich(sink, max_dead=2), Decoder(1000, EN))
    await chain.submit(Batch.of([received(i, b"not json") for i in range(3)]))
    with pytest.raises(DeadLetterLimitExceeded, match="3 messages in a row"):
        await chain.join()
    assert sink.batches == []


def test_guard_counts_only_consecutive_dead_letters() -> None:
    guard = DeadLetterGuard(2)
    for dead in (True, True, False, True, True):
        guard.record(dead)
    with pytest.raises(DeadLetterLimitExceeded):
        guard.record(True)


async def test_offsets_are_committed_only_after_every_earlier_batch_is_acknowledged() -> None:
    committer = FakeCommitter()
    commit = CommitOffsets(committer.commit, interval_s=0)
    producer = FakeProducer()
    produce = ProduceRecords(commit, producer, TOPICS, max_in_flight=4)
    record = [Record("enriched", b"k", b"v")]
    await produce.submit(Batch([(received(0, b""), record)]))
    await produce.submit(Batch([(received(1, b""), record), (received(0, b"", partition=1), record)]))

    producer.acks[1].set_result(None)
    producer.acks[2].set_result(None)
    await asyncio.sleep(0)
    await produce.poll()
    assert committer.commits == []  # batch 2 is acknowledged, but batch 1 is not

    producer.acks[0].set_result(None)
    await asyncio.sleep(0)
    await produce.poll()
    assert committer.commits == [{TopicPartition("articles.raw", 0): 2, TopicPartition("articles.raw", 1): 1}]


async def test_a_failed_send_is_raised_and_nothing_is_committed() -> None:
    committer = FakeCommitter()
    producer = FakeProducer()
    produce = ProduceRecords(CommitOffsets(committer.commit, interval_s=0), producer, TOPICS, max_in_flight=4)
    await produce.submit(Batch([(received(0, b""), [Record("enriched", b"k", b"v")])]))
    producer.acks[0].set_exception(RuntimeError("broker said no"))
    with pytest.raises(RuntimeError, match="broker said no"):
        await produce.join()
    assert committer.commits == []


async def test_produce_rejects_when_full() -> None:
    produce = ProduceRecords(CommitOffsets(FakeCommitter().commit), FakeProducer(), TOPICS, max_in_flight=1)
    await produce.submit(Batch([(received(0, b""), [])]))
    with pytest.raises(MessageRejected):
        await produce.submit(Batch([(received(1, b""), [])]))


async def test_commit_forgets_revoked_partitions() -> None:
    committer = FakeCommitter()
    commit = CommitOffsets(committer.commit, interval_s=3600)
    await commit.submit(Batch([(received(3, b""), None), (received(7, b"", partition=1), None)]))
    commit.forget({TopicPartition("articles.raw", 1)})
    await commit.join()
    assert committer.commits == [{TopicPartition("articles.raw", 0): 4}]
