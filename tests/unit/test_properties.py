"""Properties over generated inputs: commits only move forward, event ids are stable, messages round-trip."""

import asyncio
import uuid
from typing import get_args

from aiokafka import TopicPartition
from hypothesis import given
from hypothesis import strategies as st

from consumers.runtime.records import Batch, Received
from consumers.runtime.steps import CommitOffsets
from schemas import EventType, Evidence, Stance, StanceRelation, decode, encode, make_event_id

TOPIC = "articles.raw"

# A batch: (partition, records in it, whether the commit after it fails transiently).
batches = st.lists(st.tuples(st.integers(0, 2), st.integers(1, 5), st.booleans()), max_size=30)


class FlakyCommitter:
    """Records every commit that went through; fails the ones it is told to, as a broker away would."""

    def __init__(self) -> None:
        self.commits: list[dict[TopicPartition, int]] = []
        self.fail_next = False

    async def commit(self, offsets: dict[TopicPartition, int]) -> None:
        if self.fail_next:
            self.fail_next = False
            raise ConnectionError("broker away")
        self.commits.append(dict(offsets))


async def _commit_all(plan: list[tuple[int, int, bool]]) -> tuple[FlakyCommitter, dict[TopicPartition, int]]:
    committer = FlakyCommitter()
    step = CommitOffsets(committer.commit, interval_s=0)
    next_offset: dict[TopicPartition, int] = {}
    for partition, size, fails in plan:
        tp = TopicPartition(TOPIC, partition)
        start = next_offset.get(tp, 0)
        records = [Received(TOPIC, partition, offset, None, b"", 0) for offset in range(start, start + size)]
        next_offset[tp] = start + size
        await step.submit(Batch.of(records).replace([None] * size))
        committer.fail_next = fails
        await step.poll()
    committer.fail_next = False
    await step.join()
    return committer, next_offset


@given(batches)
def test_committed_offsets_only_move_forward_and_end_at_the_last_record(plan: list[tuple[int, int, bool]]) -> None:
    committer, expected = asyncio.run(_commit_all(plan))
    last: dict[TopicPartition, int] = {}
    for commit in committer.commits:
        for tp, offset in commit.items():
            assert offset > last.get(tp, 0)  # forward only, whatever failed in between
            last[tp] = offset
    assert last == expected


# the parts are joined with the unit separator (U+001F), which ids, names and versions never hold
parts = st.text(alphabet=st.characters(exclude_characters="\x1f", exclude_categories=["Cs"]), max_size=20)


@given(parts, parts, parts, st.lists(parts, max_size=3))
def test_event_ids_are_uuid5_the_same_for_the_same_input_and_differ_for_another_article(
    kind: str, article: str, version: str, extra: list[str]
) -> None:
    first = make_event_id(kind, article, version, *extra)
    assert first == make_event_id(kind, article, version, *extra)
    assert uuid.UUID(first).version == 5
    assert first != make_event_id(kind, article + "x", version, *extra)


texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=80)  # lone surrogates are not text
stances = st.sampled_from(get_args(Stance))
events = st.sampled_from(list(EventType)) | st.none()


@given(texts, texts, texts, stances, st.floats(0, 1), events)
def test_a_relation_decodes_to_what_was_encoded(
    source: str, target: str, sentence: str, stance: Stance, confidence: float, event: EventType | None
) -> None:
    relation = StanceRelation(
        source=source,
        source_name=source.title(),
        target=target,
        target_name=target.title(),
        stance=stance,
        confidence=confidence,
        evidence=Evidence(text=sentence, field="body", start=0, end=len(sentence)),
        event=event,
    )
    assert decode(StanceRelation, encode(relation)) == relation
