"""Transient failures are retried, permanent ones stop the worker, bad bytes never raise anything else."""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import orjson
import pytest
from aiokafka import TopicPartition
from aiokafka.errors import KafkaConnectionError, KafkaTimeoutError, MessageSizeTooLargeError, ProducerFenced
from hypothesis import given, settings
from hypothesis import strategies as st

from consumers.errors import DeadLetterLimitExceeded, InvalidMessage
from consumers.runtime.records import Batch, Record
from consumers.runtime.retry import Backoff, is_transient
from consumers.runtime.steps import CommitOffsets, ProduceRecords
from consumers.runtime.steps.decode import decode_article
from consumers.runtime.steps.enrich import DeadLetterGuard
from consumers.runtime.steps.transact import PartitionProducers, ProduceInTransactions, TransactionRetriesExhausted
from consumers.settings import TopicSettings
from tests.unit.fakes import FakeCommitter, FakeProducer, received

FAST = Backoff(initial_s=0.001, max_s=0.01)


def test_transient_errors_are_told_apart_from_permanent_ones() -> None:
    assert is_transient(KafkaTimeoutError())
    assert is_transient(KafkaConnectionError())
    assert not is_transient(MessageSizeTooLargeError())
    assert not is_transient(ValueError("bad"))


def test_backoff_grows_and_is_capped() -> None:
    backoff = Backoff(initial_s=0.1, max_s=1.0)
    assert [backoff.delay(n) for n in (1, 2, 3, 5, 10)] == [0.1, 0.2, 0.4, 1.0, 1.0]


async def test_a_transiently_failed_record_is_resent_and_then_committed() -> None:
    committer = FakeCommitter()
    producer = FakeProducer()
    produce = ProduceRecords(
        CommitOffsets(committer.commit, interval_s=0), producer, TopicSettings(), max_in_flight=2, backoff=FAST
    )
    await produce.submit(Batch([(received(0, b""), [Record("enriched", b"a", b"1"), Record("enriched", b"b", b"2")])]))
    producer.acks[0].set_result(None)
    producer.acks[1].set_exception(KafkaTimeoutError())

    producer.on_send = lambda ack: ack.set_result(None)  # the broker is back: resends succeed
    await asyncio.wait_for(produce.join(), 5)
    assert [sent[2] for sent in producer.sent] == [b"a", b"b", b"b"], "what succeeded before it is not sent again"
    assert committer.commits == [{TopicPartition("articles.raw", 0): 1}]


async def test_a_resend_keeps_each_keys_records_in_order() -> None:
    """A failed record is sent again with everything sent after it, so no key's records change order."""
    committer, producer = FakeCommitter(), FakeProducer()
    produce = ProduceRecords(CommitOffsets(committer.commit, interval_s=0), producer, TopicSettings(), 4, backoff=FAST)
    sends = iter(range(1_000))

    def k1_times_out_once(ack: asyncio.Future[Any]) -> None:
        if next(sends) == 1:  # the second record sent: k1
            ack.set_exception(KafkaTimeoutError())
        else:
            ack.set_result(None)

    producer.on_send = k1_times_out_once
    first = [Record("enriched", b"a", b"a1"), Record("stance", b"k", b"k1"), Record("enriched", b"c", b"c1")]
    await produce.submit(Batch([(received(0, b""), first)]))
    await produce.submit(Batch([(received(1, b""), [Record("stance", b"k", b"k2")])]))  # k2 goes through
    await asyncio.wait_for(produce.join(), 5)
    resent = [sent[1] for sent in producer.sent[4:]]
    assert resent == [b"k1", b"c1", b"k2"], "k2 is sent again after k1: the key's last copies keep their order"
    assert committer.commits[-1] == {TopicPartition("articles.raw", 0): 2}


class FlakyTransactionalProducer:
    """Fails the first transactions' offsets with the given errors, then works."""

    def __init__(self, failures: list[BaseException], refuse: frozenset[bytes] = frozenset()) -> None:
        self.failures = failures
        self.refuse = refuse  # values the broker refuses for good
        self.committed: list[list[bytes | None]] = []
        self.aborted = 0
        self.started = self.stopped = False
        self._open: list[bytes | None] = []

    async def start(self) -> None:
        self.started = True

    async def stop(self) -> None:
        self.stopped = True

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        self._open = []
        try:
            yield
        except BaseException:
            self.aborted += 1
            raise
        self.committed.append(self._open)

    async def send(
        self, topic: str, value: bytes | None = None, key: bytes | None = None, *, headers: Any = None
    ) -> Any:
        self._open.append(value)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if value in self.refuse:
            done.set_exception(MessageSizeTooLargeError("too large"))
        else:
            done.set_result(None)
        return done

    async def send_offsets_to_transaction(self, offsets: dict[TopicPartition, int], group_id: str) -> None:
        if self.failures:
            raise self.failures.pop(0)


PARTITION = TopicPartition("articles.raw", 0)
FIRST = 1  # the epoch a partition's first fence begins: batches fetched after it carry it


async def transactions(*failures: BaseException) -> tuple[FlakyTransactionalProducer, ProduceInTransactions]:
    """A step whose only partition, 0, has a producer failing with ``failures`` first."""
    producer = FlakyTransactionalProducer(list(failures))
    producers = PartitionProducers(lambda _id: producer, "group", stop_timeout_s=1)
    await producers.assign([PARTITION])
    return producer, ProduceInTransactions(producers, "group", TopicSettings(), backoff=FAST, max_attempts=3)


async def test_each_input_partition_has_its_own_transactional_id_and_a_new_owner_starts_it() -> None:
    ids: list[str] = []
    producers = PartitionProducers(lambda i: ids.append(i) or FlakyTransactionalProducer([]), "grp", stop_timeout_s=1)
    await producers.assign([TopicPartition("raw", 2), TopicPartition("raw", 0)])
    await producers.assign([TopicPartition("raw", 0)])  # already owned: no second producer
    assert ids == ["grp-raw-0", "grp-raw-2"]
    producer = producers.get(TopicPartition("raw", 2))
    assert isinstance(producer, FlakyTransactionalProducer) and producer.started
    await producers.revoke([TopicPartition("raw", 2)])
    assert producer.stopped and producers.get(TopicPartition("raw", 2)) is None


async def test_a_transaction_that_fails_transiently_is_replayed_whole() -> None:
    producer, step = await transactions(KafkaTimeoutError())
    await step.submit(
        Batch([(received(0, b""), [Record("enriched", b"k", b"v1"), Record("enriched", b"k", b"v2")])], FIRST)
    )
    assert producer.aborted == 1
    assert producer.committed == [[b"v1", b"v2"]], "the aborted attempt left nothing committed"
    assert step.committed == {PARTITION: 1}


async def test_a_permanent_transaction_failure_stops_the_worker() -> None:
    producer, step = await transactions(MessageSizeTooLargeError())
    with pytest.raises(MessageSizeTooLargeError):
        await step.submit(Batch([(received(0, b""), [Record("enriched", b"k", b"v")])], FIRST))
    assert producer.committed == []


async def test_retries_are_bounded_then_the_worker_stops() -> None:
    producer, step = await transactions(*(KafkaTimeoutError() for _ in range(3)))
    with pytest.raises(TransactionRetriesExhausted, match="failed 3 times"):
        await step.submit(Batch([(received(0, b""), [Record("enriched", b"k", b"v")])], FIRST))
    assert producer.committed == [] and step.committed == {}


async def test_a_fenced_batch_is_dropped_uncommitted_for_the_new_owner() -> None:
    producer, step = await transactions(ProducerFenced())
    await step.submit(Batch([(received(0, b""), [Record("enriched", b"k", b"v")])], FIRST))
    assert producer.committed == [] and step.committed == {}


async def test_a_batch_of_a_partition_no_longer_owned_is_dropped() -> None:
    producers = PartitionProducers(lambda _id: FlakyTransactionalProducer([]), "group", stop_timeout_s=1)
    step = ProduceInTransactions(producers, "group", TopicSettings(), backoff=FAST)
    await step.submit(Batch([(received(0, b""), [Record("enriched", b"k", b"v")])], FIRST))
    assert step.committed == {}


async def test_a_batch_mixing_partitions_is_refused() -> None:
    _, step = await transactions()
    mixed = Batch([(received(0, b""), []), (received(0, b"", partition=1), [])])
    with pytest.raises(ValueError, match="one input partition"):
        await step.submit(mixed)


def test_dead_letter_ratio_over_a_window_stops_the_worker() -> None:
    guard = DeadLetterGuard(max_consecutive=100, max_ratio=0.5, window=10)
    for index in range(9):
        guard.record(dead=index % 3 != 0)  # 6 dead of 9: the window is not full yet
    with pytest.raises(DeadLetterLimitExceeded, match="of the last 10 messages"):
        guard.record(dead=True)


def test_a_mostly_good_stream_never_trips_the_ratio() -> None:
    guard = DeadLetterGuard(max_consecutive=100, max_ratio=0.5, window=10)
    for index in range(1000):
        guard.record(dead=index % 4 == 0)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
def test_any_bytes_either_decode_or_raise_an_invalid_message(value: bytes) -> None:
    try:
        article = decode_article(value, 100, frozenset({"en"}))
    except InvalidMessage as error:
        assert error.reason
    else:
        assert article.id and article.body.strip()


@settings(max_examples=200, deadline=None)
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "id": st.one_of(st.text(max_size=300), st.integers(-(2**63), 2**63 - 1), st.none()),
            "url": st.one_of(st.just("https://e.org/x"), st.text(max_size=20)),
            "title": st.one_of(st.text(max_size=20), st.none()),
            "body": st.one_of(st.text(max_size=150), st.lists(st.text())),
            "source": st.text(max_size=10),
            "language": st.one_of(st.sampled_from(["en", "de", "en-GB", "EN", ""]), st.none()),
            "published_at": st.one_of(st.text(max_size=25), st.integers(-(2**63), 2**63 - 1), st.none()),
        },
    )
)
def test_any_json_object_either_decodes_or_raises_an_invalid_message(fields: dict[str, Any]) -> None:
    try:
        decode_article(orjson.dumps(fields), 100, frozenset({"en"}))
    except InvalidMessage:
        pass


async def test_records_fetched_before_the_fence_are_trimmed_to_what_is_not_committed() -> None:
    producer, step = await transactions()
    step_producers = step._producers
    step_producers.start_at(PARTITION, 2)  # the last owner committed offsets 0 and 1
    batch = Batch([(received(n, b""), [Record("enriched", b"k", f"v{n}".encode())]) for n in range(4)], FIRST)
    await step.submit(batch)
    assert producer.committed == [[b"v2", b"v3"]]
    await step.submit(batch)  # the same records again, re-fetched after the seek: all committed already
    assert producer.committed == [[b"v2", b"v3"]]
    assert step.committed == {PARTITION: 4}


async def test_a_batch_fetched_before_the_partition_came_back_is_never_committed() -> None:
    """A batch dropped while the partition was away must not be skipped by a later one of the old epoch."""
    producer, step = await transactions()
    producers = step._producers
    stale = Batch([(received(5, b""), [Record("enriched", b"k", b"late")])], FIRST)
    await producers.revoke([PARTITION])  # a drain ran out of time with this batch in flight
    await producers.assign([PARTITION])  # the partition comes back: fenced again, read from the committed offset
    producers.start_at(PARTITION, 3)  # offsets 3 and 4 were dropped while it was away
    await step.submit(stale)
    assert producer.committed == [] and step.committed == {}
    fresh = Batch([(received(n, b""), [Record("enriched", b"k", f"v{n}".encode())]) for n in (3, 4, 5)], FIRST + 1)
    await step.submit(fresh)
    assert producer.committed == [[b"v3", b"v4", b"v5"]] and step.committed == {PARTITION: 6}


async def test_after_a_fence_the_partitions_later_batches_are_left_to_the_new_owner() -> None:
    producer, step = await transactions(ProducerFenced())
    await step.submit(Batch([(received(0, b""), [Record("enriched", b"k", b"a")])], FIRST))
    await step.submit(Batch([(received(1, b""), [Record("enriched", b"k", b"b")])], FIRST))  # no second attempt
    assert producer.committed == [] and producer.stopped and step.committed == {}


async def test_exactly_once_dead_letters_a_message_whose_record_the_broker_refuses() -> None:
    producer = FlakyTransactionalProducer([], refuse=frozenset({b"huge"}))
    producers = PartitionProducers(lambda _id: producer, "group", stop_timeout_s=1)
    await producers.assign([PARTITION])
    step = ProduceInTransactions(
        producers,
        "group",
        TopicSettings(),
        backoff=FAST,
        dead_letter_for=lambda origin, error: Record(
            "dlq", origin.key, origin.value, [("reason", error.reason.encode())]
        ),
    )
    batch = Batch(
        [
            (received(0, b"raw0"), [Record("enriched", b"a", b"huge")]),
            (received(1, b""), [Record("enriched", b"b", b"ok")]),
        ],
        FIRST,
    )
    await step.submit(batch)
    assert producer.aborted == 1
    assert producer.committed == [[b"raw0", b"ok"]], "the refused record's message went to the dead letters"
    assert step.committed == {PARTITION: 2}
