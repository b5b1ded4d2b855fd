"""Fake next steps and clients for unit tests of single steps."""

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

from aiokafka import TopicPartition

from consumers.nlp.annotator import Annotation
from consumers.runtime.records import Batch, Received
from schemas import Entity, EntityType, Evidence, Mention, RawArticle, StanceRelation, Versions


class RecordingStep:
    """A last step that keeps what it is given."""

    def __init__(self, capacity: int = 1_000) -> None:
        self.batches: list[Batch[Any]] = []
        self.capacity = capacity
        self.joined = False

    async def submit(self, batch: Batch[Any]) -> None:
        from consumers.runtime.steps import MessageRejected

        if len(self.batches) >= self.capacity:
            raise MessageRejected
        self.batches.append(batch)

    async def poll(self) -> None:
        return None

    async def join(self) -> None:
        self.joined = True

    @property
    def in_flight(self) -> int:
        return 0


class FakeProducer:
    """Returns a future per send that the test resolves by hand."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes | None, bytes | None, Any]] = []
        self.acks: list[asyncio.Future[Any]] = []
        self.on_send: Callable[[asyncio.Future[Any]], None] = lambda ack: None

    async def send(
        self, topic: str, value: bytes | None = None, key: bytes | None = None, *, headers: Any = None
    ) -> Any:
        self.sent.append((topic, value, key, headers))
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.acks.append(future)
        self.on_send(future)
        return future


class FakeCommitter:
    def __init__(self) -> None:
        self.commits: list[dict[TopicPartition, int]] = []

    async def commit(self, offsets: dict[TopicPartition, int]) -> None:
        self.commits.append(dict(offsets))


class FakeAnnotator:
    """Finds one entity per article and one hostile relation; fails on bodies containing 'BOOM'."""

    versions = Versions(enrichment="test", ner="fake", stance="fake")

    def __init__(self) -> None:
        self.calls = 0

    def annotate(self, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
        self.calls += 1
        if any("BOOM" in a.body for a in articles):
            raise RuntimeError("model exploded")
        return [self._one(article) for article in articles]

    @staticmethod
    def _one(article: RawArticle) -> Annotation:
        mention = Mention(text=article.body[:5], field="body", start=0, end=5)
        entities = [
            Entity(id="country:AAA", name="Aland", type=EntityType.GPE, mentions=[mention]),
            Entity(id="country:BBB", name="Borduria", type=EntityType.GPE, mentions=[mention]),
        ]
        evidence = Evidence(text=article.body, field="body", start=0, end=len(article.body))
        stance = StanceRelation(
            source="country:AAA",
            source_name="Aland",
            target="country:BBB",
            target_name="Borduria",
            stance="hostile",
            confidence=0.9,
            evidence=evidence,
        )
        return Annotation(entities=entities, stances=[stance])


def raw_value(article_id: str, body: str = "Aland threatens Borduria with war.", **extra: Any) -> bytes:
    return (
        RawArticle(id=article_id, url=f"https://example.org/{article_id}", title="t", body=body, source="test", **extra)
        .model_dump_json()
        .encode()
    )


def received(offset: int, value: bytes | None, partition: int = 0, topic: str = "articles.raw") -> Received:
    return Received(topic, partition, offset, f"k{offset}".encode(), value)
