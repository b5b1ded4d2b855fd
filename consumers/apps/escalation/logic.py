"""What the escalation app decides, apart from faust: which events count, when a window escalates, the alert.

Windows are by event time: the article's publication time when it has one,
else when its stance event reached Kafka, so a replay of old articles lands
in old windows instead of looking like a burst now.
"""

from datetime import UTC, datetime

from consumers.core.alerts.rules import EscalationRule
from schemas import Alert, StanceEvent, make_event_id


def event_time(event: StanceEvent, record_timestamp_s: float) -> float:
    """Seconds since the epoch the relation is counted at."""
    return event.published_at.timestamp() if event.published_at is not None else record_timestamp_s


def counted(rule: EscalationRule, watched: frozenset[str], event: StanceEvent) -> bool:
    """Whether the rule counts this relation (its stance; both ends watched, when asked)."""
    if event.stance != rule.stance or event.source == event.target:
        return False
    return not rule.watched_only or (event.source in watched and event.target in watched)


def pair_key(event: StanceEvent) -> str:
    """The table key: directed pair and stance (``country:RUS->bloc:west|hostile``)."""
    return f"{event.source}->{event.target}|{event.stance}"


def escalates(rule: EscalationRule, count: int, previous: int) -> bool:
    """More than the threshold in this window, and more than in the window before it."""
    return count > rule.threshold and count > previous


def escalation_alert(rule: EscalationRule, event: StanceEvent, window_start: float, count: int, previous: int) -> Alert:
    """The alert for one pair and window; its id depends on nothing else, so a repeat is a duplicate."""
    start = datetime.fromtimestamp(window_start, UTC)
    pair = f"{event.source}->{event.target}"
    hours = rule.window_s / 3600
    return Alert(
        event_id=make_event_id("escalation", pair, rule.id, start.isoformat()),
        rule_id=rule.id,
        severity=rule.severity,
        summary=(
            f"{rule.description} {event.source_name} → {event.target_name}: {count} {rule.stance} relations in "
            f"the {hours:g} h from {start:%Y-%m-%d %H:%M} UTC, up from {previous} in the {hours:g} h before"
        ),
        entities=[event.source, event.target],
        evidence=[event.evidence],
        article_ids=[event.article_id],
        enrichment_version=event.enrichment_version,
    )
