"""The worker's processing steps: Decode → Enrich → Produce → Commit.

Each step has the same small interface (``Step``) and hands finished batches,
in order, to the next one; see ``consumers.steps.base``.
"""

from consumers.steps.base import MessageRejected, Step
from consumers.steps.commit import CommitOffsets
from consumers.steps.decode import DecodeArticles
from consumers.steps.enrich import EnrichArticles
from consumers.steps.produce import ProduceRecords

__all__ = ["CommitOffsets", "DecodeArticles", "EnrichArticles", "MessageRejected", "ProduceRecords", "Step"]
