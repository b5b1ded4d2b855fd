"""Alert: a rule hit, published to ``alerts``."""

from enum import StrEnum
from typing import Annotated, Literal

from schemas._base import Message
from schemas._extensible import EXTENSIBLE
from schemas.enriched import Evidence


class Severity(StrEnum):
    """How urgent an alert is."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Alert(Message):
    """A rule matched; keyed by ``rule_id`` and the pair it concerns."""

    schema_version: Literal[1] = 1
    event_id: str
    rule_id: str
    severity: Annotated[Severity, EXTENSIBLE]
    summary: str
    entities: list[str]
    evidence: list[Evidence]
    article_ids: list[str]
    enrichment_version: str
