"""Every error stancewire raises on purpose, in one place.

Hierarchy::

    StancewireError
    ├── InvalidMessage          input that can never be processed: goes to the DLQ
    │   ├── InvalidEncoding     not UTF-8
    │   ├── InvalidJson         not JSON
    │   ├── SchemaMismatch      JSON, but not a RawArticle
    │   ├── BodyTooLong         over ``worker.max_body_chars``
    │   ├── TitleTooLong        over ``worker.max_title_chars``
    │   ├── UnsupportedLanguage a language the models do not read
    │   ├── AnnotationFailed    the models raised on this one article
    │   ├── AnnotationTimeout   the article used up ``nlp.article_time_budget_s``
    │   ├── OutputTooLarge      an output record would pass ``kafka.max_request_size``
    │   └── OutputRejected      the broker refused one of the article's output records for good
    ├── DeadLetterLimitExceeded too many dead letters in a row: stop the worker
    ├── InferenceProcessDied    the child process running the models is gone: stop the worker
    ├── FenceFailed             exactly-once: newly assigned partitions could not be fenced: stop the worker
    ├── ReplayInterrupted       a signal stopped a replay before its end offsets
    ├── GroupNotEmpty           offsets of a group with live members cannot be reset
    └── ConfigurationError      settings or files that cannot work
        └── MissingData         a data file of eval or training is not there
"""


class StancewireError(Exception):
    """Base of every stancewire error."""


class InvalidMessage(StancewireError):
    """A message that retrying cannot fix; it is dead-lettered with ``reason``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class InvalidEncoding(InvalidMessage):
    """The value is not UTF-8."""


class InvalidJson(InvalidMessage):
    """The value is not JSON."""


class SchemaMismatch(InvalidMessage):
    """The value is JSON but does not validate as a RawArticle."""


class BodyTooLong(InvalidMessage):
    """The body is longer than the configured limit."""


class TitleTooLong(InvalidMessage):
    """The title is longer than the configured limit."""


class UnsupportedLanguage(InvalidMessage):
    """The article's language is one the models cannot read."""


class AnnotationFailed(InvalidMessage):
    """The annotator raised on this article (the rest of its batch is fine)."""


class AnnotationTimeout(InvalidMessage):
    """The article took longer than its time budget; the rest of its batch goes on."""


class OutputTooLarge(InvalidMessage):
    """One of the article's output records would be larger than the producer may send."""


class OutputRejected(InvalidMessage):
    """The broker refused one of the article's output records with an error retrying cannot fix."""


class DeadLetterLimitExceeded(StancewireError):
    """Too many dead letters in a row: most likely a bad deploy, so stop instead."""


class InferenceProcessDied(StancewireError):
    """The child process running the models died; no article is to blame, so none is dead-lettered."""


class FenceFailed(StancewireError):
    """Exactly-once: the producers of newly assigned partitions could not start; reading them would be unsafe."""


class ConfigurationError(StancewireError):
    """Settings or files that cannot work."""


class MissingData(ConfigurationError):
    """A data file eval or training needs is not where the data directory (``consumers.datasets``) says."""


class ReplayInterrupted(StancewireError):
    """A signal stopped a replay before its end offsets; what was done is committed."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__(f"stopped after {done} of {total} offsets; run the same replay again to finish")
        self.done = done
        self.total = total


class GroupNotEmpty(StancewireError):
    """A consumer group's offsets can be reset only while none of its members runs."""
