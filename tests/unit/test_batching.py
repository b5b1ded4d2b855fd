"""Token-budget batching: order kept, nothing lost, each batch within budget unless one record alone exceeds it."""

from hypothesis import given
from hypothesis import strategies as st

from consumers.runtime.batching import BYTES_PER_TOKEN, estimated_tokens, token_budget_batches
from consumers.runtime.records import Received


def record(offset: int, size: int) -> Received:
    return Received("articles.raw", offset % 3, offset, None, b"x" * size)


def test_long_articles_are_split_and_short_ones_travel_together() -> None:
    short = [record(i, 400) for i in range(4)]  # 100 tokens each
    long = [record(4 + i, 4000) for i in range(2)]  # 1000 tokens each
    batches = token_budget_batches(short + long, max_tokens=1000)
    assert [len(batch) for batch in batches] == [4, 1, 1]


def test_a_record_larger_than_the_budget_makes_a_batch_of_its_own() -> None:
    (batch,) = token_budget_batches([record(0, 40_000)], max_tokens=10)
    assert len(batch) == 1


@given(
    sizes=st.lists(st.integers(min_value=0, max_value=20_000), max_size=40),
    budget=st.integers(min_value=1, max_value=8_000),
)
def test_every_record_is_kept_in_order_and_batches_respect_the_budget(sizes: list[int], budget: int) -> None:
    records = [record(i, size) for i, size in enumerate(sizes)]
    batches = token_budget_batches(records, budget)
    assert [received for batch in batches for received, _ in batch.items] == records
    for batch in batches:
        cost = sum(estimated_tokens(received) for received, _ in batch.items)
        assert len(batch) == 1 or cost <= budget


def test_the_estimate_follows_the_size_of_the_value() -> None:
    assert estimated_tokens(record(0, 40 * BYTES_PER_TOKEN)) == 40
    assert estimated_tokens(Received("t", 0, 0, None, None)) == 1
