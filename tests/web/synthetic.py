"""A sink database filled with made-up relations, for measuring the page at sizes no seed set reaches."""

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from consumers.apps.sink import open_database
from consumers.apps.sink.rows import article_row, stance_row
from consumers.settings import SinkSettings
from schemas import EnrichedArticle, Evidence, StanceEvent, StanceRelation, Versions, make_event_id

VERSIONS = Versions(enrichment="1.0.0", ner="synthetic", stance="synthetic")
KINDS = ("country", "org", "person")
START = datetime(2026, 3, 1, tzinfo=UTC)


def _relation(rng: random.Random, source: int, target: int, names: list[str]) -> StanceRelation:
    sentence = f"{names[source]} said something about {names[target]}."
    return StanceRelation(
        source=names[source].replace(" ", ":", 1),
        source_name=names[source],
        target=names[target].replace(" ", ":", 1),
        target_name=names[target],
        stance=rng.choice(["cooperative", "hostile", "neutral"]),
        confidence=0.9,
        evidence=Evidence(text=sentence, field="body", start=0, end=len(sentence)),
    )


def fill(path: Path, nodes: int, edges: int, per_article: int = 10, seed: int = 7) -> None:
    """``edges`` relations among ``nodes`` entities (each entity in at least one), ``per_article`` per article."""
    rng = random.Random(seed)  # noqa: S311 - made-up data
    names = [f"{KINDS[n % 3]} entity-{n}" for n in range(nodes)]
    pairs = [(n, (n + 1) % nodes) for n in range(nodes)]
    pairs += [(rng.randrange(nodes), rng.randrange(nodes)) for _ in range(edges - nodes)]
    database = open_database(SinkSettings(sqlite_path=path))
    try:
        for first in range(0, len(pairs), per_article):
            article_id = f"synthetic-{first // per_article}"
            found = [_relation(rng, a, b, names) for a, b in pairs[first : first + per_article] if a != b]
            when = START + timedelta(minutes=first)
            article = EnrichedArticle(
                event_id=make_event_id("enriched", article_id, VERSIONS.enrichment),
                id=article_id,
                url=f"https://example.org/{article_id}",
                title=f"Article {article_id}",
                body=" ".join(r.evidence.text for r in found),
                source=rng.choice(["wire-a", "wire-b", "wire-c"]),
                published_at=when,
                entities=[],
                stances=found,
                versions=VERSIONS,
            )
            events = [
                StanceEvent(
                    event_id=make_event_id("stance", article_id, VERSIONS.enrichment, r.source, r.target),
                    article_id=article_id,
                    article_url=article.url,
                    published_at=when,
                    enrichment_version=VERSIONS.enrichment,
                    **r.model_dump(),
                )
                for r in found
            ]
            database.write([article_row(article)], [stance_row(event, 0) for event in events])
    finally:
        database.close()
