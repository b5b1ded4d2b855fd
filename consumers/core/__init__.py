"""The pure enrichment core: a message's bytes → RawArticle → annotation → the records to publish.

No Kafka here: the worker, file mode, replay and the benchmark all call these
functions, so they publish the same records for the same input.

    Received ─decode─▶ RawArticle | InvalidMessage
             ─annotate (failures isolated per article)─▶ Annotation | Exception
             ─outcome─▶ Enrichment | DeadLetter ─records_of─▶ [Record(kind, key, value, headers)]
"""

from consumers.core.decode import Decoder, decode_article
from consumers.core.enrichment import (
    Decoded,
    Enrichment,
    Outcome,
    annotate_isolating_failures,
    dead_letter,
    enrich,
    enrich_received,
    outcomes,
)
from consumers.core.received import Received
from consumers.core.records import Record, records_of

__all__ = [
    "Decoded",
    "Decoder",
    "Enrichment",
    "Outcome",
    "Received",
    "Record",
    "annotate_isolating_failures",
    "dead_letter",
    "decode_article",
    "enrich",
    "enrich_received",
    "outcomes",
    "records_of",
]
