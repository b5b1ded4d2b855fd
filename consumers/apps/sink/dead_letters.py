"""Dead-letter rows: the record's bytes, where it was read, and why it was refused (secrets masked)."""

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from consumers.apps.sink.entries import Source
from consumers.apps.sink.rows import Row
from consumers.apps.sink.secrets import Redactor
from consumers.apps.sink.text import storable
from consumers.errors import DeadLetterLimitExceeded

MAX_ERROR_CHARS = 1000


class DeadLetters:
    """Builds ``sink_dead_letters`` rows and keeps the count of dead letters in a row."""

    def __init__(self, redact: Redactor, max_consecutive: int, clock: Callable[[], datetime] | None = None) -> None:
        self._redact = redact
        self._max_consecutive = max_consecutive
        self._clock = clock or (lambda: datetime.now(UTC))
        self.consecutive = 0

    def describe(self, error: BaseException) -> str:
        """One line, secrets masked: ``DataError: …``."""
        text = " ".join(f"{type(error).__name__}: {error}".split())
        return storable(self._redact(text))[:MAX_ERROR_CHARS]

    def row(self, source: Source, reason: str) -> Row:
        """The dead-letter row of ``source``; the reason is masked and cleaned."""
        error = storable(self._redact(reason))[:MAX_ERROR_CHARS]
        return (source.topic, source.partition, source.offset, source.key, source.value, error, self._clock())

    def consecutive_after(self, errors: Sequence[str | None]) -> int:
        """Dead letters in a row after ``errors`` (one per entry, None when stored); raises past the limit."""
        consecutive = self.consecutive
        for error in errors:
            consecutive = consecutive + 1 if error is not None else 0
            if consecutive > self._max_consecutive:
                raise DeadLetterLimitExceeded(
                    f"more than {self._max_consecutive} records in a row refused: the database or the deploy is "
                    f"at fault, not the rows (last: {self._redact(error or '')[:300]})"
                )
        return consecutive
