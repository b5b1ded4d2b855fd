"""The generic Run step with a fake next step: order, backpressure, abandoned batches, failures."""

import asyncio
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from consumers.runtime.records import Batch, Received
from consumers.runtime.steps import MessageRejected, RunInExecutor
from tests.unit.fakes import RecordingStep, received


@pytest.fixture
def executor() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(2) as pool:
        yield pool


def batch(offset: int) -> Batch[Received]:
    return Batch.of([received(offset, b"v")])


def offsets(step: RecordingStep) -> list[int]:
    return [received.offset for b in step.batches for received, _ in b.items]


class Gated:
    """Tells each batch's value (its offset) once the test opens the batch's gate; None for ``abandon``."""

    def __init__(self, abandon: int | None = None) -> None:
        self.gates = {offset: threading.Event() for offset in range(4)}
        self.abandon = abandon

    def __call__(self, batch: Batch[Received]) -> Batch[int] | None:
        first = batch.items[0][0].offset
        self.gates[first].wait(10)
        if first == self.abandon:
            return None
        return batch.replace(received.offset for received, _ in batch.items)


async def test_results_go_on_in_the_order_the_batches_came(executor: ThreadPoolExecutor) -> None:
    gated, sink = Gated(), RecordingStep()
    run = RunInExecutor(gated, executor, sink, max_in_flight=2)
    await run.submit(batch(0))
    await run.submit(batch(1))
    gated.gates[1].set()  # the second batch finishes first
    await asyncio.sleep(0.05)
    await run.poll()
    assert sink.batches == [] and run.in_flight == 2, "held until the first is done"
    gated.gates[0].set()
    await run.join()
    assert offsets(sink) == [0, 1] and [b.items[0][1] for b in sink.batches] == [0, 1]
    assert sink.joined and run.in_flight == 0


async def test_a_full_step_rejects_and_a_full_next_step_holds_the_result(executor: ThreadPoolExecutor) -> None:
    gated, sink = Gated(), RecordingStep(capacity=1)
    run = RunInExecutor(gated, executor, sink, max_in_flight=1)
    await run.submit(batch(0))
    with pytest.raises(MessageRejected):
        await run.submit(batch(1))
    gated.gates[0].set()
    await run.join()
    await run.submit(batch(1))
    gated.gates[1].set()
    await asyncio.sleep(0.05)
    await run.poll()
    assert offsets(sink) == [0] and run.in_flight == 1, "the next step is full: the result waits here"
    sink.capacity = 2
    await run.poll()
    assert offsets(sink) == [0, 1] and run.in_flight == 0


async def test_an_abandoned_batch_stops_every_later_one_too(executor: ThreadPoolExecutor) -> None:
    gated, sink = Gated(abandon=1), RecordingStep()
    run = RunInExecutor(gated, executor, sink, max_in_flight=3)
    for offset in range(3):
        await run.submit(batch(offset))
        gated.gates[offset].set()
    await run.join()
    assert offsets(sink) == [0], "nothing after the abandoned batch goes on, so nothing is committed past it"


async def test_what_the_function_raises_stops_the_chain_with_nothing_handed_on(executor: ThreadPoolExecutor) -> None:
    def fails(batch: Batch[Received]) -> Batch[None]:
        raise RuntimeError("the database is gone for good")

    sink = RecordingStep()
    run = RunInExecutor(fails, executor, sink)
    await run.submit(batch(0))
    with pytest.raises(RuntimeError, match="gone for good"):
        await run.join()
    with pytest.raises(RuntimeError):  # still there: a later poll raises it again, never skips the batch
        await run.poll()
    assert sink.batches == [] and run.in_flight == 1
