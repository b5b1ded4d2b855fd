"""Event coding on hand-coded news sentences: dyads, event types and sectors, beside two baselines.

Each item lists the events an analyst codes (``data/events/README.md``):
source → target, PLOVER type, sectors. Scores pooled over one file:

* dyad recall: coded events whose (source, target) the annotator returns with
  the stance the event type implies;
* dyad precision: returned cooperative/hostile relations that match a coded
  event's dyad and stance, over all returned cooperative/hostile relations;
* event-type accuracy: of the coded events whose dyad was found, the share
  typed right (and, stricter, over all coded events);
* sector accuracy: of the dyads found, the share with both sectors right.

A person acting for a country is scored as the country (the analyst's code);
the person-level twin relation is not counted twice. Baselines: every ordered
pair of actors in a sentence hostile, and the first two actors of each
sentence (first → second) hostile.
"""

import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from consumers.commands.evaluation.actor_target import SENTENCE_END, Annotate, annotations, body_article
from consumers.nlp.annotator import Annotation
from consumers.nlp.metrics import share
from schemas import EntityType, EventType, StanceRelation, stance_of

EVENTS_DIR = Path(__file__).with_name("data") / "events"
DEFAULT_NAMES = (
    "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14",
    "dev15", "dev16", "dev17", "test",
)  # fmt: skip
DEFAULT_FILES = tuple(EVENTS_DIR / f"{name}.jsonl" for name in DEFAULT_NAMES)
ACTORS = {EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.NORP}


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One coded event."""

    source: str
    target: str
    event: EventType
    source_sector: str | None
    target_sector: str | None

    @property
    def stance(self) -> str:
        """The stance the event type implies."""
        return stance_of(self.event)


@dataclass(frozen=True, slots=True)
class Item:
    """One coded sentence or passage."""

    id: str
    text: str
    events: tuple[GoldEvent, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventScores:
    """The figures of one system on one file."""

    recall: float
    precision: float
    event_accuracy: float  # over coded events whose dyad was found
    event_accuracy_all: float  # over all coded events
    sector_accuracy: float
    coded: int
    returned: int


def load_items(path: Path) -> list[Item]:
    """Read one JSONL file of coded items."""
    items: list[Item] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        events = tuple(
            GoldEvent(e["source"], e["target"], EventType(e["event"]), e.get("source_sector"), e.get("target_sector"))
            for e in row["events"]
        )
        items.append(Item(str(row["id"]), str(row["text"]), events, tuple(row.get("tags", ()))))
    return items


def coded_relations(annotation: Annotation) -> dict[tuple[str, str], StanceRelation]:
    """The annotator's relations by coded dyad, person-level twins of a country's relation left out."""
    twins = {(r.speaker, r.target) for r in annotation.stances if r.speaker is not None}
    return {
        (r.source, r.target): r
        for r in annotation.stances
        if r.stance != "neutral" and (r.source, r.target) not in twins
    }


def _coded_entity_ids(annotation: Annotation) -> dict[str, str]:
    """Entity id → the actor an analyst codes it as (a person or body with a country is the country)."""
    return {
        e.id: (e.affiliation if e.affiliation and e.affiliation.startswith("country:") else e.id)
        for e in annotation.entities
        if e.type in ACTORS
    }


def _sentence_actors(text: str, annotation: Annotation) -> list[list[str]]:
    """Per sentence, the coded actors in order of first mention."""
    coded = _coded_entity_ids(annotation)
    bounds = [0, *(m.end() for m in SENTENCE_END.finditer(text)), len(text) + 1]
    sentences: list[list[str]] = []
    for begin, end in itertools.pairwise(bounds):
        mentions = sorted(
            (m.start, coded[e.id])
            for e in annotation.entities
            if e.id in coded
            for m in e.mentions
            if m.field == "body" and begin <= m.start < end
        )
        sentences.append(list(dict.fromkeys(actor for _, actor in mentions)))
    return sentences


def cooccurrence_baseline(text: str, annotation: Annotation) -> dict[tuple[str, str], str]:
    """Every ordered pair of actors sharing a sentence, hostile."""
    pairs: dict[tuple[str, str], str] = {}
    for actors in _sentence_actors(text, annotation):
        pairs.update({(a, b): "hostile" for a in actors for b in actors if a != b})
    return pairs


def first_two_baseline(text: str, annotation: Annotation) -> dict[tuple[str, str], str]:
    """The first two actors of each sentence, first → second, hostile."""
    return {(a[0], a[1]): "hostile" for a in _sentence_actors(text, annotation) if len(a) >= 2}


def score(
    rows: Iterable[tuple[Item, dict[tuple[str, str], str], dict[tuple[str, str], StanceRelation]]],
) -> EventScores:
    """Pool (item, predicted stances, predicted relations) into the figures."""
    coded = found = typed = sectors = returned = right = 0
    for item, predicted, relations in rows:
        stances = {(e.source, e.target, e.stance) for e in item.events}
        for pair, stance in predicted.items():
            returned += 1
            right += (*pair, stance) in stances
        for event in item.events:  # every coded event counts, also two on one dyad
            pair = (event.source, event.target)
            coded += 1
            if predicted.get(pair) != event.stance:
                continue
            found += 1
            relation = relations.get(pair)
            if relation is not None:
                typed += relation.event == event.event
                sectors += (relation.source_sector, relation.target_sector) == (
                    event.source_sector,
                    event.target_sector,
                )
    return EventScores(
        recall=share(found, coded),
        precision=share(right, returned),
        event_accuracy=share(typed, found),
        event_accuracy_all=share(typed, coded),
        sector_accuracy=share(sectors, found),
        coded=coded,
        returned=returned,
    )


def evaluate_items(items: Sequence[Item], annotate: Annotate) -> tuple[EventScores, EventScores, EventScores]:
    """(annotator, co-occurrence baseline, first-two baseline) on one set of items."""
    found = annotations([body_article(item.id, item.text) for item in items], annotate)
    Row = tuple[Item, dict[tuple[str, str], str], dict[tuple[str, str], StanceRelation]]
    ours: list[Row] = []
    cooccurring: list[Row] = []
    first_two: list[Row] = []
    for item, annotation in zip(items, found, strict=True):
        relations = coded_relations(annotation)
        ours.append((item, {pair: str(r.stance) for pair, r in relations.items()}, relations))
        cooccurring.append((item, cooccurrence_baseline(item.text, annotation), {}))
        first_two.append((item, first_two_baseline(item.text, annotation), {}))
    return score(ours), score(cooccurring), score(first_two)
