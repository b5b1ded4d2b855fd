"""The runtime: the worker, its pipeline steps, batching, delivery, metrics, health, logs and retry."""
