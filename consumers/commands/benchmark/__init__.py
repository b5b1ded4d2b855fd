"""``stancewire bench``: what the streaming around the models costs, measured side by side in one run.

All measurements use the same articles (the valid seeds under fresh ids)
through the broker in ``STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS``, each on topics
and a consumer group of its own.
"""

from consumers.commands.benchmark.report import run_bench

__all__ = ["run_bench"]
