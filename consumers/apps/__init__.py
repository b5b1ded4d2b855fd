"""The apps beside the worker: the storage sink and the escalation app (faust)."""
