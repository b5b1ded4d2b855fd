"""Escalation alerts: a faust-streaming app counting stance relations per pair in hopping windows."""
