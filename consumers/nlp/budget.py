"""A time budget per article, checked where the readers loop, so one pathological article cannot stall its batch.

The models run in a worker thread (or a child process) that cannot be
interrupted from outside, so the budget is cooperative: the annotator sets a
deadline for the article it reads, and the per-sentence and per-word loops
call ``check`` and raise ``AnnotationTimeout`` once it has passed. The
article is dead-lettered; the rest of its batch goes on.
"""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from consumers.errors import AnnotationTimeout

_local = threading.local()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Within the block, ``check`` raises once ``seconds`` have passed (in this thread only)."""
    previous = getattr(_local, "deadline", None)
    _local.deadline = (time.monotonic() + seconds, seconds)
    try:
        yield
    finally:
        _local.deadline = previous


def check() -> None:
    """Raise ``AnnotationTimeout`` if this thread's article has used up its budget; cheap enough for inner loops."""
    deadline = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline[0]:
        raise AnnotationTimeout(f"annotation took longer than its {deadline[1]:g}s budget")
