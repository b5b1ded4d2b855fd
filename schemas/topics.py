"""The topic catalogue: every topic stancewire reads or writes, in one table.

Per topic kind: its default name (settings may rename it and add a prefix),
the message model of its values, how its key is made, what it is for, and
how long to keep it. The worker, its commands, topic creation and the
AsyncAPI export all read this table, so a topic is described once.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, get_args

from schemas._base import Message
from schemas.alert import Alert
from schemas.dead_letter import DeadLetter
from schemas.enriched import EnrichedArticle
from schemas.raw import RawArticle
from schemas.stance_event import StanceEvent

TopicKind = Literal["raw", "enriched", "stance", "alerts", "dlq"]
M = TypeVar("M", bound=Message)


@dataclass(frozen=True, slots=True)
class Topic(Generic[M]):
    """One kind of topic and the contract of its records."""

    kind: TopicKind
    default_name: str
    model: type[M]
    key: Callable[[M], bytes | None]
    key_description: str
    description: str
    inbound: bool
    """True for what producers write and stancewire consumes; False for what stancewire publishes."""
    slug: str
    """The stem of the message's exported schema files, e.g. ``raw-article``."""
    retention: str
    """How long to keep the records, as advice to whoever runs the broker."""
    json_value: bool = True
    """False where the value is not the model's JSON (dead letters: the original bytes, the model in headers)."""
    cleanup_policy: Literal["delete", "compact"] = "delete"
    """Every topic is a stream of events whose keys repeat (a pair, an article under several versions),
    so compaction would drop events: all are ``delete``."""


ARTICLE_KEY = "The article id (`id` of the payload)."


def article_key(article: RawArticle | EnrichedArticle) -> bytes:
    """The key of both article topics: the article id, so every version of an article lands in one partition."""
    return article.id.encode()


def alert_key(alert: Alert) -> bytes:
    """The alerts key: ``<rule id>:<source>-><target>``, for per-article and escalation alerts alike."""
    return f"{alert.rule_id}:{'->'.join(alert.entities)}".encode()


RAW = Topic(
    "raw", "articles.raw", RawArticle, article_key, ARTICLE_KEY,
    "Raw news articles from your producers; the enrichment worker consumes them.",
    inbound=True, slug="raw-article",
    retention="As long as you may want to re-enrich history: replays read it from the beginning.",
)  # fmt: skip
ENRICHED = Topic(
    "enriched", "articles.enriched", EnrichedArticle, article_key, ARTICLE_KEY,
    "Every article with its entities, mentions, stance relations, versions and provenance.",
    inbound=False, slug="enriched-article",
    retention="As long as a new subscriber may need to backfill its store from it.",
)  # fmt: skip
STANCE = Topic(
    "stance", "stance.events", StanceEvent, lambda event: event.key.encode(),
    "The directed pair `source->target` (entity ids), so one pair's events stay in order.",
    "One event per directed stance relation found in an article, with its evidence.",
    inbound=False, slug="stance-event",
    retention="At least the longest window of the escalation rules, which count its events.",
)  # fmt: skip
ALERTS = Topic(
    "alerts", "alerts", Alert, alert_key,
    "The rule id, with the entity pair it concerns when there is one.",
    "Alert rule hits.",
    inbound=False, slug="alert",
    retention="As long as the alerting services that read it may be down.",
)  # fmt: skip
DEAD_LETTERS = Topic(
    "dlq", "articles.dlq", DeadLetter, lambda letter: letter.original_key,
    "The original record's key, byte for byte (absent when it had none).",
    "Messages that could not be processed: the original bytes, with why and where from in headers.",
    inbound=False, slug="dead-letter", json_value=False,
    retention="Long enough to inspect, fix and re-publish what failed.",
)  # fmt: skip

TOPICS: dict[TopicKind, Topic[Any]] = {topic.kind: topic for topic in (RAW, ENRICHED, STANCE, ALERTS, DEAD_LETTERS)}
KINDS: tuple[TopicKind, ...] = get_args(TopicKind)
OUTPUT_KINDS: tuple[TopicKind, ...] = tuple(kind for kind in KINDS if not TOPICS[kind].inbound)
