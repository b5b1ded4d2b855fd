"""The consume loop with a fake consumer and a fake chain: pause and resume, caught up, drain, replay ends."""

from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, cast

from aiokafka import TopicPartition

from consumers.runtime.consume_loop import ConsumeLoop
from consumers.runtime.health import WorkerState
from tests.unit.fakes import RecordingStep

TOPIC = "articles.raw"
TP = TopicPartition(TOPIC, 0)


@dataclass
class FakeRecord:
    """What aiokafka's ConsumerRecord offers the loop."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    timestamp: int = 0


class FakeConsumer:
    """One partition; each fetch returns the next queued run of records, nothing while paused."""

    def __init__(self, fetches: list[list[int]], end: int) -> None:
        self._fetches = deque(fetches)
        self._paused: set[TopicPartition] = set()
        self._position = 0
        self._end = end
        self.pauses = 0

    async def getmany(self, timeout_ms: int, max_records: int) -> dict[TopicPartition, list[FakeRecord]]:
        if TP in self._paused or not self._fetches:
            return {}
        offsets = self._fetches.popleft()
        self._position = offsets[-1] + 1
        return {TP: [FakeRecord(TOPIC, 0, offset, b"k", b"v") for offset in offsets]}

    def assignment(self) -> set[TopicPartition]:
        return {TP}

    def pause(self, *partitions: TopicPartition) -> None:
        self.pauses += 1
        self._paused.update(partitions)

    def resume(self, *partitions: TopicPartition) -> None:
        self._paused.difference_update(partitions)

    def paused(self) -> set[TopicPartition]:
        return set(self._paused)

    def last_stable_offset(self, tp: TopicPartition) -> int:
        return self._end

    async def position(self, tp: TopicPartition) -> int:
        return self._position


Action = Callable[[ConsumeLoop], Awaitable[None]]


class Script:
    """Runs before each turn of the loop: the action for that turn, and a stop after the last one."""

    def __init__(self, actions: dict[int, Action], turns: int) -> None:
        self._actions, self._turns, self.turn = actions, turns, 0
        self.loop: ConsumeLoop | None = None

    async def __call__(self) -> None:
        self.turn += 1
        assert self.loop is not None
        if action := self._actions.get(self.turn):
            await action(self.loop)
        if self.turn == self._turns:
            self.loop.stop()  # this turn still runs; the loop ends after it


def make_loop(
    consumer: FakeConsumer, chain: RecordingStep, script: Script | None = None, **options: Any
) -> ConsumeLoop:
    loop = ConsumeLoop(
        cast(Any, consumer),
        chain,
        WorkerState(models_loaded=True),
        max_records=16,
        fetch_timeout_ms=1,
        drain_timeout_s=5,
        on_turn=script,
        **options,
    )
    if script is not None:
        script.loop = loop
    return loop


def offsets(chain: RecordingStep) -> list[list[int]]:
    return [[received.offset for received, _ in batch.items] for batch in chain.batches]


async def test_a_full_chain_pauses_fetching_and_the_same_batch_goes_in_once_there_is_room() -> None:
    consumer, chain = FakeConsumer([[0, 1], [2]], end=3), RecordingStep(capacity=0)
    seen: list[set[TopicPartition]] = []

    async def make_room(_: ConsumeLoop) -> None:
        seen.append(consumer.paused())
        chain.capacity = 10

    await make_loop(consumer, chain, Script({2: make_room}, turns=4)).run()
    assert seen == [{TP}]  # the first batch was refused: fetching paused
    assert consumer.paused() == set() and consumer.pauses == 1
    assert offsets(chain) == [[0, 1], [2]]  # the refused batch went in whole, before the next one


async def test_until_caught_up_returns_once_every_record_went_through_and_joins_the_chain() -> None:
    consumer, chain = FakeConsumer([[0, 1, 2], [3, 4]], end=5), RecordingStep()
    await make_loop(consumer, chain).run(until_caught_up=True)
    assert offsets(chain) == [[0, 1, 2], [3, 4]]
    assert chain.joined


async def test_drain_forgets_fetched_batches_the_chain_has_not_taken_and_joins_it() -> None:
    consumer, chain = FakeConsumer([[0], [1]], end=2), RecordingStep(capacity=0)

    async def drain_then_make_room(loop: ConsumeLoop) -> None:
        await loop.drain()
        chain.capacity = 10

    await make_loop(consumer, chain, Script({3: drain_then_make_room}, turns=5)).run()
    assert chain.joined
    assert offsets(chain) == [[1]]  # record 0 was forgotten: its partition's owner fetches it again


async def test_a_replay_leaves_records_at_or_past_its_end_alone() -> None:
    consumer, chain = FakeConsumer([[0, 1, 2, 3]], end=4), RecordingStep()
    await make_loop(consumer, chain, ends={TP: 2}).run(until_caught_up=True)
    assert offsets(chain) == [[0, 1]]
