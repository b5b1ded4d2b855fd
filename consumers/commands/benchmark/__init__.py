"""``stancewire bench``: what the streaming around the models costs, measured side by side in one run.

All measurements use the same articles (the valid seeds under fresh ids)
through the broker in ``STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS``, each on topics
and a consumer group of its own (``report.run_bench``).

The package imports nothing itself: ``memory`` runs as a fresh interpreter
(``python -m consumers.commands.benchmark.memory``) whose first figure must
not include the models' libraries.
"""
