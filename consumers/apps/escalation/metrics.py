"""Prometheus metrics of the escalation app (served on ``/metrics`` beside ``/healthz`` and ``/readyz``)."""

from prometheus_client import Counter

EVENTS = Counter("stancewire_escalation_events", "Stance events the escalation app read.", ["outcome"])
ESCALATION_ALERTS = Counter("stancewire_escalation_alerts", "Escalation alerts published (and acknowledged).")
