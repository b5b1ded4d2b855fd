"""Enrichment: annotate decoded articles, failures isolated per article, and say what each message became.

Every message has one outcome: an Enrichment (the enriched article, its stance
events and alerts) or a DeadLetter (why not, with the original bytes).
"""

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from consumers.core.alerts import RuleSet
from consumers.core.decode import Decoder
from consumers.core.received import Received
from consumers.errors import AnnotationFailed, InferenceProcessDied, InvalidMessage, OutputTooLarge
from consumers.nlp.annotator import Annotation, Annotator
from schemas import (
    Alert,
    DeadLetter,
    EnrichedArticle,
    Provenance,
    RawArticle,
    StanceEvent,
    StanceRelation,
    Versions,
    encode,
    make_event_id,
)
from schemas.topics import ALERTS, ENRICHED, STANCE

logger = logging.getLogger(__name__)

Decoded = RawArticle | InvalidMessage


@dataclass(frozen=True, slots=True)
class Enrichment:
    """Every event made from one article."""

    article: EnrichedArticle
    stance_events: list[StanceEvent]
    alerts: list[Alert]


Outcome = Enrichment | DeadLetter

MAX_RECORD_BYTES = 1_048_576  # aiokafka's and Kafka's default; the worker passes ``kafka.max_request_size``
RECORD_OVERHEAD_BYTES = 256  # key, record and batch headers around a value
MAX_REASON_CHARS = 1_000  # a reason travels in every dead letter's headers


def enrich(
    raw: RawArticle, annotation: Annotation, versions: Versions, rules: RuleSet, provenance: Provenance | None = None
) -> Enrichment:
    """Combine an article with its annotation into the events we publish."""
    article = EnrichedArticle(
        event_id=make_event_id("enriched", raw.id, versions.enrichment),
        **raw.model_dump(exclude={"schema_version"}),
        entities=annotation.entities,
        stances=annotation.stances,
        versions=versions,
        provenance=provenance,
    )
    events = [
        StanceEvent(
            event_id=make_event_id("stance", raw.id, versions.enrichment, *_dyad(relation)),
            article_id=raw.id,
            article_url=raw.url,
            published_at=raw.published_at,
            enrichment_version=versions.enrichment,
            **relation.model_dump(),
        )
        for relation in annotation.stances
    ]
    return Enrichment(article, events, rules.evaluate(article))


def _dyad(relation: StanceRelation) -> tuple[str, ...]:
    """What identifies a relation within an article: the pair, and the sectors when both ends are one country."""
    if relation.source != relation.target:
        return (relation.source, relation.target)
    return (relation.source, relation.target, str(relation.source_sector), str(relation.target_sector))


def largest_record_bytes(enrichment: Enrichment) -> int:
    """Key and value bytes of the enrichment's largest record (the enriched article, as a rule)."""
    sizes = [len(ENRICHED.key(enrichment.article) or b"") + len(encode(enrichment.article))]
    sizes += [len(STANCE.key(event) or b"") + len(encode(event)) for event in enrichment.stance_events]
    sizes += [len(ALERTS.key(alert) or b"") + len(encode(alert)) for alert in enrichment.alerts]
    return max(sizes)


def bounded(reason: str, limit: int = MAX_REASON_CHARS) -> str:
    """``reason`` cut to ``limit`` characters, saying how much was cut."""
    if len(reason) <= limit:
        return reason
    marker = f" … [{len(reason) - limit} more characters]"
    return reason[: limit - len(marker)] + marker


def dead_letter(received: Received, error: InvalidMessage, enrichment_version: str, attempts: int = 1) -> DeadLetter:
    """The DeadLetter describing why ``received`` could not be processed; its reason is bounded."""
    origin = f"{received.topic}/{received.partition}/{received.offset}"
    return DeadLetter(
        event_id=make_event_id("dead-letter", origin, enrichment_version),
        error_class=type(error).__name__,
        reason=bounded(error.reason),
        source_topic=received.topic,
        source_partition=received.partition,
        source_offset=received.offset,
        attempts=attempts,
        original_key=received.key,
        original_value=received.value,
    )


def annotate_isolating_failures(annotator: Annotator, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
    """Annotate a batch; if the batch as a whole fails, retry one by one so only the culprit fails.

    A dead inference process is no article's fault: it propagates and stops the worker, nothing dead-lettered.
    """
    try:
        return annotator.annotate(articles)
    except InferenceProcessDied:
        raise
    except Exception:  # any model error: isolate it per article below
        logger.warning("batch annotation failed, retrying %d articles one by one", len(articles), exc_info=True)
    results: list[Annotation | Exception] = []
    for article in articles:
        try:
            results.extend(annotator.annotate([article]))
        except Exception as error:  # noqa: BLE001 - the error is the result for this article
            results.append(error)
    return results


def outcome(
    received: Received,
    decoded: Decoded,
    annotated: Annotation | Exception | None,
    versions: Versions,
    rules: RuleSet,
    max_record_bytes: int = MAX_RECORD_BYTES,
) -> Outcome:
    """What one message became: its enrichment, or the dead letter saying why there is none.

    An enrichment with a message larger than ``max_record_bytes`` allows is
    dead-lettered (``OutputTooLarge``): the broker would refuse it on every retry.
    """
    if isinstance(decoded, RawArticle):
        if isinstance(annotated, InvalidMessage):  # the annotator's own verdict, e.g. AnnotationTimeout
            return dead_letter(received, annotated, versions.enrichment)
        if not isinstance(annotated, Annotation):
            failed = AnnotationFailed(f"annotation failed: {type(annotated).__name__}: {annotated}")
            return dead_letter(received, failed, versions.enrichment)
        provenance = Provenance(
            topic=received.topic,
            partition=received.partition,
            offset=received.offset,
            timestamp_ms=received.timestamp_ms,
        )
        enrichment = enrich(decoded, annotated, versions, rules, provenance)
        size = largest_record_bytes(enrichment) + RECORD_OVERHEAD_BYTES
        if size <= max_record_bytes:
            return enrichment
        decoded = OutputTooLarge(
            f"its enriched article would be about {size} bytes, over the {max_record_bytes}-byte record limit"
        )
    return dead_letter(received, decoded, versions.enrichment)


def outcomes(
    items: Iterable[tuple[Received, Decoded]],
    annotations: Iterable[Annotation | Exception],
    versions: Versions,
    rules: RuleSet,
    max_record_bytes: int = MAX_RECORD_BYTES,
) -> list[Outcome]:
    """Each message's outcome, in order; ``annotations`` holds one result per decoded article, in order."""
    results = iter(annotations)
    return [
        outcome(
            received,
            decoded,
            next(results) if isinstance(decoded, RawArticle) else None,
            versions,
            rules,
            max_record_bytes,
        )
        for received, decoded in items
    ]


def enrich_received(
    messages: Sequence[Received],
    decoder: Decoder,
    annotator: Annotator,
    rules: RuleSet,
    max_record_bytes: int = MAX_RECORD_BYTES,
) -> list[Outcome]:
    """The whole core for one batch, in the calling thread: decode, annotate together, build each outcome."""
    decoded = [decoder.decode(message.value) for message in messages]
    articles = [article for article in decoded if isinstance(article, RawArticle)]
    annotations = annotate_isolating_failures(annotator, articles)
    return outcomes(zip(messages, decoded, strict=True), annotations, annotator.versions, rules, max_record_bytes)
