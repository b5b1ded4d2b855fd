"""EnrichedArticle and its parts: entities with mentions, stance relations, provenance."""

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, NonNegativeInt

from schemas._base import Message
from schemas._extensible import EXTENSIBLE
from schemas.events import EventType, QuadClass, Sector, Stance

TextField = Literal["title", "body"]
Tone = Literal["positive", "neutral", "negative"]
Probability = Annotated[float, Field(ge=0.0, le=1.0)]
# Readers keep values added after their version (see ``schemas._extensible``); writers are held to these.
OpenTextField = Annotated[TextField, EXTENSIBLE]
OpenStance = Annotated[Stance, EXTENSIBLE]
OpenSector = Annotated[Sector, EXTENSIBLE]


class EntityType(StrEnum):
    """Entity types, as in OntoNotes (what spaCy and most NER models emit)."""

    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    NORP = "NORP"
    EVENT = "EVENT"
    FAC = "FAC"


class Mention(Message):
    """One place in the article that names an entity; ``end`` is exclusive."""

    text: str
    field: OpenTextField
    start: NonNegativeInt
    end: NonNegativeInt


class ArticleStance(Message):
    """How the article as a whole treats one entity, aggregated over the sentences that mention it."""

    tone: Annotated[Tone, EXTENSIBLE] = Field(
        description="Overall treatment: the sign of ``score`` beyond a small margin."
    )
    score: Annotated[float, Field(ge=-1.0, le=1.0)] = Field(
        description="Mean of P(positive) - P(negative) over the entity's sentences, weighted by confidence."
    )
    sentences: NonNegativeInt = Field(description="Sentences the aggregate was read from.")


class Entity(Message):
    """One real-world entity, once per article, with every mention of it."""

    id: str = Field(description="Canonical id, e.g. 'country:CHN', 'person:sergei-shoigu'.")
    name: str = Field(description="Canonical display name.")
    type: Annotated[EntityType, EXTENSIBLE]
    mentions: list[Mention]
    affiliation: str | None = Field(default=None, description="Entity id this one speaks for, when stated.")
    wikidata: str | None = Field(
        default=None, pattern=r"^Q[1-9][0-9]*$", description="Wikidata QID, where the bundled gazetteer knows it."
    )
    salience: Probability = Field(
        default=0.0, description="How central the entity is to the article (0-1): mentions, title, first position."
    )
    stance: ArticleStance | None = Field(
        default=None, description="The article's treatment of the entity; set for salient actors only."
    )


EVIDENCE_MAX_CHARS = 500


class Evidence(Message):
    """The sentence a stance relation was read from; ``text`` is ``field[start:end]``."""

    text: str
    field: OpenTextField
    start: NonNegativeInt
    end: NonNegativeInt
    truncated: bool = Field(
        default=False,
        description=f"The sentence is longer than {EVIDENCE_MAX_CHARS} characters: "
        "the text is the part around the words that code the relation.",
    )


class StanceRelation(Message):
    """Directed stance of ``source`` toward ``target``, with the sentence that shows it."""

    source: str
    source_name: str
    target: str
    target_name: str
    stance: OpenStance
    confidence: Probability
    evidence: Evidence
    speaker: str | None = Field(default=None, description="Entity id of the person who spoke for the source.")
    quad_class: Annotated[QuadClass, EXTENSIBLE] | None = Field(
        default=None, description="CAMEO/PLOVER quad class of the relation: verbal/material cooperation/conflict."
    )
    event: Annotated[EventType, EXTENSIBLE] | None = Field(
        default=None, description="PLOVER event type; None where a stance is expressed but no event is coded."
    )
    mode: str | None = Field(default=None, description="PLOVER mode of the event, e.g. 'aerial', 'humanitarian'.")
    source_sector: OpenSector | None = Field(
        default=None, description="What part of the source acted: government, military, police, rebels, ..."
    )
    target_sector: OpenSector | None = Field(default=None, description="What part of the target was acted upon.")


class Versions(Message):
    """What produced the annotations, so replays with newer models can be told apart."""

    enrichment: str
    ner: str
    stance: str


class Provenance(Message):
    """Where the raw article was read from."""

    topic: str
    partition: NonNegativeInt
    offset: NonNegativeInt
    timestamp_ms: int | None = None


class EnrichedArticle(Message):
    """The raw article plus everything stancewire found in it; published to ``articles.enriched``."""

    schema_version: Literal[1] = 1
    event_id: str
    id: str
    url: str
    title: str
    body: str
    source: str
    language: str | None = None
    published_at: datetime | None = None
    entities: list[Entity]
    stances: list[StanceRelation]
    versions: Versions
    provenance: Provenance | None = None
