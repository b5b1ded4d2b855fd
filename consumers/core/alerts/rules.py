"""Per-article alert rules, loaded from YAML.

A rule matches a stance relation when every condition it states holds; each
match becomes one Alert keyed by the rule and the directed pair, so the same
article and version always yield the same alert ids.
"""

import re
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, PositiveInt, ValidationError, model_validator

from consumers.errors import ConfigurationError
from schemas import Alert, EnrichedArticle, Severity, Stance, StanceRelation, make_event_id


class AlertRule(BaseModel):
    """One rule; unset conditions match anything."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    description: str
    severity: Severity
    stance: Stance | None = None
    source_watched: bool = False
    target_watched: bool = False
    evidence_terms: frozenset[str] = frozenset()
    min_confidence: float = 0.0

    def matches(self, relation: StanceRelation, watched: frozenset[str]) -> bool:
        """Whether ``relation`` satisfies every condition of this rule."""
        if self.stance is not None and relation.stance != self.stance:
            return False
        if relation.confidence < self.min_confidence:
            return False
        if self.source_watched and relation.source not in watched:
            return False
        if self.target_watched and relation.target not in watched:
            return False
        if self.evidence_terms:
            words = set(re.findall(r"[a-z]+", relation.evidence.text.lower()))
            return not words.isdisjoint(self.evidence_terms)
        return True


class EscalationRule(BaseModel):
    """Escalation alerts (``stancewire alerts``): relations of one stance from one actor toward another,
    counted in hopping windows; an alert when a window holds more than ``threshold`` of them and more than
    the window before it. Once per pair and window."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(default="escalation-hostile", pattern=r"^[a-z0-9][a-z0-9-]*$")
    description: str = "Hostile relations between two actors are rising."
    severity: Severity = Severity.HIGH
    stance: Stance = "hostile"
    threshold: PositiveInt = Field(default=3, description="Alert when a window holds more relations than this.")
    window_s: PositiveInt = Field(default=86_400, description="Window size in seconds.")
    step_s: PositiveInt = Field(default=3_600, description="A new window starts every step_s seconds.")
    expires_s: PositiveInt = Field(default=604_800, description="Windows are kept this long after they end.")
    watched_only: bool = Field(default=True, description="Count only pairs of two watched entities.")

    @model_validator(mode="after")
    def _hops_fit(self) -> "EscalationRule":
        if self.window_s % self.step_s:
            raise ValueError("window_s must be a multiple of step_s")
        if self.expires_s < 2 * self.window_s:
            raise ValueError("expires_s must keep at least two windows (the previous one is compared)")
        return self


class RuleSet(BaseModel):
    """The rules file: watched entities and rules."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    watched_entities: frozenset[str] = frozenset()
    rules: list[AlertRule]
    escalation: EscalationRule | None = None

    def evaluate(self, article: EnrichedArticle) -> list[Alert]:
        """Alerts for one article: one per rule and directed pair (strongest evidence kept)."""
        best: dict[tuple[str, str, str], tuple[AlertRule, StanceRelation]] = {}
        for rule in self.rules:
            for relation in article.stances:
                if not rule.matches(relation, self.watched_entities):
                    continue
                key = (rule.id, relation.source, relation.target)
                if key not in best or relation.confidence > best[key][1].confidence:
                    best[key] = (rule, relation)
        return [self._alert(article, rule, relation) for rule, relation in best.values()]

    @staticmethod
    def _alert(article: EnrichedArticle, rule: AlertRule, relation: StanceRelation) -> Alert:
        pair = f"{relation.source}->{relation.target}"
        return Alert(
            event_id=make_event_id("alert", article.id, article.versions.enrichment, rule.id, pair),
            rule_id=rule.id,
            severity=rule.severity,
            summary=f"{rule.description} {relation.source_name} → {relation.target_name} ({relation.stance})",
            entities=[relation.source, relation.target],
            evidence=[relation.evidence],
            article_ids=[article.id],
            enrichment_version=article.versions.enrichment,
        )


def load_rules(path: Path | None = None) -> RuleSet:
    """Read a rules file (default: the bundled ``default_rules.yaml``)."""
    try:
        if path is None:
            text = resources.files("consumers.core.alerts").joinpath("default_rules.yaml").read_text("utf-8")
        else:
            text = path.read_text("utf-8")
        return RuleSet.model_validate(yaml.safe_load(text))
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise ConfigurationError(f"cannot load alert rules from {path or 'the bundled defaults'}: {error}") from error
