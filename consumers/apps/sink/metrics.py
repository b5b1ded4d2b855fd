"""Prometheus metrics of the storage sink (served on ``/metrics`` beside ``/healthz`` and ``/readyz``)."""

from prometheus_client import Counter

STORED = Counter("stancewire_sink_rows", "Rows the sink wrote (rewrites of redelivered events included).", ["table"])
SINK_DEAD_LETTERS = Counter("stancewire_sink_dead_letters", "Records the sink put in sink_dead_letters.")
