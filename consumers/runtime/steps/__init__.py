"""The processing steps: the worker's Decode → Enrich → Produce → Commit, the sink's Run (store) → Commit.

Each step has the same small interface (``Step``) and hands finished batches,
in order, to the next one; see ``consumers.runtime.steps.base``. Run and Enrich share
``ForwardsInOrder`` (``in_order``): work held in arrival order, each item handed on once done.
"""

from consumers.runtime.steps.base import MessageRejected, Step
from consumers.runtime.steps.commit import CommitOffsets
from consumers.runtime.steps.decode import DecodeArticles
from consumers.runtime.steps.enrich import EnrichArticles
from consumers.runtime.steps.produce import ProduceRecords
from consumers.runtime.steps.run import RunInExecutor

__all__ = [
    "CommitOffsets",
    "DecodeArticles",
    "EnrichArticles",
    "MessageRejected",
    "ProduceRecords",
    "RunInExecutor",
    "Step",
]
