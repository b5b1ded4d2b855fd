"""The escalation decisions, apart from faust: what counts, when a window escalates, the alert and its id."""

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from consumers.apps.escalation.logic import counted, escalates, escalation_alert, event_time, pair_key
from consumers.core.alerts import load_rules
from consumers.core.alerts.rules import EscalationRule
from tests.factories import stance_event

RULE = EscalationRule(threshold=2, window_s=3600, step_s=600, expires_s=7200)
WATCHED = frozenset({"country:RUS", "bloc:west"})


def test_only_the_rule_stance_between_watched_entities_counts() -> None:
    assert counted(RULE, WATCHED, stance_event("a", "country:RUS", "bloc:west", "hostile"))
    assert not counted(RULE, WATCHED, stance_event("a", "country:RUS", "bloc:west", "cooperative"))
    assert not counted(RULE, WATCHED, stance_event("a", "country:RUS", "country:USA", "hostile"))
    anyone = RULE.model_copy(update={"watched_only": False})
    assert counted(anyone, WATCHED, stance_event("a", "country:RUS", "country:USA", "hostile"))


def test_a_window_escalates_over_the_threshold_and_above_the_window_before() -> None:
    assert escalates(RULE, 3, 1)
    assert not escalates(RULE, 2, 0), "not over the threshold"
    assert not escalates(RULE, 3, 3), "not rising"


def test_events_count_at_publication_time_else_at_record_time() -> None:
    published = datetime(2026, 3, 1, tzinfo=UTC)
    assert event_time(stance_event("a", "country:RUS", "bloc:west", "hostile", published), 5.0) == published.timestamp()
    undated = stance_event("a", "country:RUS", "bloc:west", "hostile").model_copy(update={"published_at": None})
    assert event_time(undated, 5.0) == 5.0
    assert pair_key(undated) == "country:RUS->bloc:west|hostile"


def test_one_alert_id_per_pair_and_window() -> None:
    first = stance_event("a1", "country:RUS", "bloc:west", "hostile")
    later = stance_event("a2", "country:RUS", "bloc:west", "hostile")
    alert = escalation_alert(RULE, first, 1_800_000_000.0, 3, 1)
    assert alert.event_id == escalation_alert(RULE, later, 1_800_000_000.0, 4, 1).event_id
    assert alert.event_id != escalation_alert(RULE, first, 1_800_000_600.0, 3, 1).event_id
    assert alert.rule_id == "escalation-hostile" and alert.entities == ["country:RUS", "bloc:west"]
    assert "3 hostile relations in the 1 h from 2027-01-15 08:00 UTC, up from 1" in alert.summary


def test_the_bundled_rules_have_an_escalation_section_and_bad_windows_are_refused() -> None:
    assert load_rules().escalation is not None
    with pytest.raises(ValidationError, match="multiple of step_s"):
        EscalationRule(window_s=3600, step_s=700)
    with pytest.raises(ValidationError, match="two windows"):
        EscalationRule(window_s=3600, step_s=600, expires_s=3600)
