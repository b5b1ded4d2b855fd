"""What the escalation app decides, apart from faust: which events count, when, where, and when a window escalates.

Windows are by event time: the article's publication time when it has one,
else when its stance event reached Kafka, so a replay of old articles lands
in old windows instead of looking like a burst now. A time without a zone is
UTC. Counting is kept per *bucket*: the ``step_s`` slice of time an event
falls in holds the ids of the events counted there, so adding an event twice
changes nothing, and a hopping window's count is the sum of its
``window_s / step_s`` buckets.
"""

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from consumers.core.alerts.rules import EscalationRule
from schemas import Alert, StanceEvent, make_event_id


def event_time(event: StanceEvent, record_timestamp_s: float) -> float:
    """Seconds since the epoch the relation is counted at (a naive publication time is UTC)."""
    published = event.published_at
    if published is None:
        return record_timestamp_s
    return (published.replace(tzinfo=UTC) if published.tzinfo is None else published).timestamp()


def bucket_start(at: float, rule: EscalationRule) -> float:
    """Start of the ``step_s`` bucket holding ``at`` (also the start of the newest window holding it)."""
    return float(at // rule.step_s * rule.step_s)


def rejection(at: float, now: float, rule: EscalationRule, max_future_s: float) -> str | None:
    """Why an event at ``at`` is not counted, or None: dated too far ahead, or in a bucket already expired."""
    if at > now + max_future_s:
        return f"dated {datetime.fromtimestamp(at, UTC):%Y-%m-%d %H:%M:%S} UTC, more than {max_future_s:g} s ahead"
    if bucket_start(at, rule) + rule.step_s <= now - rule.expires_s:  # its bucket is already expired
        return f"dated {datetime.fromtimestamp(at, UTC):%Y-%m-%d %H:%M:%S} UTC, older than the {rule.expires_s} s kept"
    return None


def counted(rule: EscalationRule, watched: frozenset[str], event: StanceEvent) -> bool:
    """Whether the rule counts this relation (its stance; both ends watched, when asked)."""
    if event.stance != rule.stance or event.source == event.target:
        return False
    return not rule.watched_only or (event.source in watched and event.target in watched)


def pair_key(event: StanceEvent) -> str:
    """The table key: directed pair and stance (``country:RUS->bloc:west|hostile``)."""
    return f"{event.source}->{event.target}|{event.stance}"


def with_event(ids: Sequence[str], event_id: str) -> list[str] | None:
    """The bucket's ids with ``event_id`` added (sorted), or None when it is already counted there."""
    if event_id in ids:
        return None
    return sorted([*ids, event_id])


def window_count(bucket: Callable[[float], Sequence[str]], window_start: float, rule: EscalationRule) -> int:
    """Relations in the window from ``window_start``: the sum of its buckets' ids."""
    starts = range(int(window_start), int(window_start) + rule.window_s, rule.step_s)
    return sum(len(bucket(float(start))) for start in starts)


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


def expired(keys: Sequence[Any], now: float, rule: EscalationRule) -> list[Any]:
    """The windowed table keys ``(key, (start, end))`` whose window ended more than ``expires_s`` ago."""
    horizon = now - rule.expires_s
    return [key for key in keys if key[1][1] <= horizon]
