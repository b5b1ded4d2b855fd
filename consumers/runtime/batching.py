"""Sizing batches by a token budget, so a run of long articles never becomes one oversized inference batch.

The count limit (``worker.batch_size``) bounds how many articles are fetched
at once; the token budget (``worker.batch_max_tokens``) splits them further,
which bounds the memory and the time of one annotation call. Tokens are
estimated from the raw bytes before decoding: English news runs at about
four UTF-8 bytes per model token.
"""

from collections.abc import Iterable

from consumers.runtime.records import Batch, Received

BYTES_PER_TOKEN = 4


def estimated_tokens(record: Received) -> int:
    """What one record costs the models, estimated from its value's size (at least 1)."""
    return max(1, len(record.value or b"") // BYTES_PER_TOKEN)


def token_budget_batches(records: Iterable[Received], max_tokens: int, epoch: int = 0) -> list[Batch[Received]]:
    """Consecutive batches, each within ``max_tokens`` unless a single record alone is larger; order is kept."""
    batches: list[Batch[Received]] = []
    current: list[Received] = []
    used = 0
    for record in records:
        cost = estimated_tokens(record)
        if current and used + cost > max_tokens:
            batches.append(Batch.of(current, epoch))
            current, used = [], 0
        current.append(record)
        used += cost
    if current:
        batches.append(Batch.of(current, epoch))
    return batches
