"""The escalation decisions, apart from faust: what counts, when a window escalates, the alert and its id."""

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from consumers.apps.escalation.app import forget_expired
from consumers.apps.escalation.logic import (
    bucket_start,
    counted,
    escalates,
    escalation_alert,
    event_time,
    expired,
    pair_key,
    rejection,
    window_count,
    with_event,
)
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


def test_a_naive_publication_time_is_utc() -> None:
    naive = stance_event("a", "country:RUS", "bloc:west", "hostile").model_copy(
        update={"published_at": datetime(2026, 3, 1, 12)}
    )
    assert event_time(naive, 0.0) == datetime(2026, 3, 1, 12, tzinfo=UTC).timestamp()


NOW = 1_800_000_000.0


def test_events_dated_ahead_beyond_the_tolerance_or_already_expired_are_rejected() -> None:
    assert rejection(NOW + 299, NOW, RULE, max_future_s=300) is None
    assert rejection(NOW - 3600, NOW, RULE, max_future_s=300) is None
    ahead = rejection(datetime(9999, 12, 31, tzinfo=UTC).timestamp(), NOW, RULE, max_future_s=300)
    assert ahead is not None and "9999-12-31 00:00:00 UTC, more than 300 s ahead" in ahead
    assert rejection(NOW + 301, NOW, RULE, max_future_s=300) is not None
    old = rejection(NOW - RULE.expires_s - RULE.step_s, NOW, RULE, max_future_s=300)
    assert old is not None and "older than the 7200 s kept" in old


def test_an_event_counts_once_in_its_bucket_and_a_window_sums_its_buckets() -> None:
    assert with_event(["b", "d"], "c") == ["b", "c", "d"]
    assert with_event(["b", "c", "d"], "c") is None, "counted already: a redelivery changes nothing"
    start = bucket_start(NOW + 5, RULE)
    assert start == NOW and bucket_start(NOW + 599, RULE) == NOW
    buckets = {NOW: ["a", "b"], NOW + 3000: ["c"], NOW + 3600: ["late"], NOW - 600: ["early"]}
    assert window_count(lambda b: buckets.get(b, []), NOW, RULE) == 3, "six buckets from NOW, NOW + 3600 outside"
    assert window_count(lambda b: buckets.get(b, []), NOW - 3600, RULE) == 1


def test_keys_of_windows_that_ended_more_than_expires_s_ago_are_forgotten() -> None:
    keys = [("k", (NOW - 9000, NOW - 7200.1)), ("k", (NOW - 3600, NOW - 0.1)), ("j", (NOW - 8000, NOW - 4400))]
    assert expired(keys, NOW, RULE) == [keys[0]]


def test_recovered_keys_of_expired_windows_are_dropped_from_the_local_stores() -> None:
    buckets = {("k", (NOW - 9000, NOW - 8400.1)): ["a"], ("k", (NOW - 600, NOW - 0.1)): ["b"]}
    alerted = {("k", (NOW - 12000, NOW - 8400.1)): True}
    assert forget_expired([buckets, alerted], NOW, RULE) == 2
    assert buckets == {("k", (NOW - 600, NOW - 0.1)): ["b"]} and alerted == {}
