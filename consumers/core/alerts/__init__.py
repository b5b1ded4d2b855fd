"""Alert rules evaluated on each enriched article."""

from consumers.core.alerts.rules import AlertRule, RuleSet, load_rules

__all__ = ["AlertRule", "RuleSet", "load_rules"]
