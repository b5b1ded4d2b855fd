"""Benchmark inputs: articles made from the seeds, and fresh topics per measurement."""

import uuid
from pathlib import Path

from consumers.commands.publish import RawMessage, publish, read_messages
from consumers.core import Decoder
from consumers.kafka.admin import create_topics
from consumers.settings import MetricsSettings, Settings, TopicSettings, WorkerSettings
from schemas import RawArticle

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def bench_articles(settings: Settings, count: int, seeds: Path = SEEDS) -> list[RawArticle]:
    """``count`` valid articles made from the seeds, each with an id of its own."""
    decoder = Decoder.from_settings(settings)
    decoded = [decoder.decode(message.value) for message in read_messages([seeds])]
    valid = [article for article in decoded if isinstance(article, RawArticle)]
    if not valid:
        raise FileNotFoundError(f"no valid seed articles in {seeds}")
    return [valid[i % len(valid)].model_copy(update={"id": f"bench-{i:05d}"}) for i in range(count)]


def as_messages(articles: list[RawArticle]) -> list[RawMessage]:
    return [RawMessage(article.id.encode(), article.model_dump_json().encode()) for article in articles]


async def fresh_topics(settings: Settings, partitions: int | None = None) -> Settings:
    """``settings`` with topics and a group of their own (created), and no metrics server."""
    run = uuid.uuid4().hex[:8]
    isolated = settings.model_copy(
        update={
            "topics": TopicSettings(
                **{
                    **settings.topics.model_dump(),
                    "prefix": f"bench-{run}.",
                    "partitions": partitions or settings.topics.partitions,
                }
            ),
            "worker": WorkerSettings(**{**settings.worker.model_dump(), "group_id": f"bench-{run}"}),
            "metrics": MetricsSettings(enabled=False),
        }
    )
    await create_topics(isolated)
    return isolated


async def published(settings: Settings, articles: list[RawArticle], partitions: int | None = None) -> Settings:
    """Fresh topics holding ``articles`` in the raw topic."""
    isolated = await fresh_topics(settings, partitions)
    await publish(isolated, as_messages(articles))
    return isolated
