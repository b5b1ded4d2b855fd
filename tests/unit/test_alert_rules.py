"""The per-article alert rules: which relations a rule matches, one alert per rule and pair, stable ids."""

from pathlib import Path

import pytest

from consumers.core.alerts import AlertRule, RuleSet, load_rules
from consumers.errors import ConfigurationError
from schemas import Severity
from tests.factories import enriched_article, relation

WATCHED = frozenset({"country:USA", "country:CHN"})


def rule(**conditions: object) -> AlertRule:
    return AlertRule.model_validate({"id": "r", "description": "A rule.", "severity": "high", **conditions})


def test_unset_conditions_match_any_relation() -> None:
    assert rule().matches(relation("country:FRA", "country:DEU", "cooperative"), WATCHED)


def test_stance_watched_sides_and_confidence_must_all_hold() -> None:
    hostile = relation("country:USA", "country:CHN", "hostile")
    assert rule(stance="hostile", source_watched=True, target_watched=True).matches(hostile, WATCHED)
    assert not rule(stance="cooperative").matches(hostile, WATCHED)
    assert not rule(source_watched=True).matches(relation("country:FRA", "country:CHN", "hostile"), WATCHED)
    assert not rule(target_watched=True).matches(relation("country:USA", "country:FRA", "hostile"), WATCHED)
    assert not rule(min_confidence=0.95).matches(hostile, WATCHED)  # the factory's relations carry 0.9


def test_evidence_terms_match_whole_words_in_any_case() -> None:
    military = rule(evidence_terms=["missile"])
    assert military.matches(relation("country:USA", "country:CHN", "hostile", "A MISSILE test."), WATCHED)
    assert not military.matches(relation("country:USA", "country:CHN", "hostile", "Missiles were shown."), WATCHED)


def test_one_alert_per_rule_and_pair_with_stable_ids() -> None:
    rules = RuleSet(watched_entities=WATCHED, rules=[rule(stance="hostile")])
    article = enriched_article(
        "a1",
        [
            relation("country:USA", "country:CHN", "hostile", "First sentence."),
            relation("country:USA", "country:CHN", "hostile", "Second sentence."),
            relation("country:CHN", "country:USA", "hostile"),
            relation("country:FRA", "country:DEU", "cooperative"),
        ],
    )
    alerts = rules.evaluate(article)
    assert sorted(tuple(a.entities) for a in alerts) == [("country:CHN", "country:USA"), ("country:USA", "country:CHN")]
    assert {a.severity for a in alerts} == {Severity.HIGH}
    assert [a.event_id for a in rules.evaluate(article)] == [a.event_id for a in alerts]  # same input, same ids
    assert len({a.event_id for a in alerts}) == 2


def test_bundled_rules_load_and_a_broken_file_is_a_clear_error(tmp_path: Path) -> None:
    bundled = load_rules()
    assert bundled.rules and bundled.escalation is not None
    broken = tmp_path / "rules.yaml"
    broken.write_text("rules: [{id: 'Not An Id', description: x, severity: high}]\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"rules\.yaml"):
        load_rules(broken)
