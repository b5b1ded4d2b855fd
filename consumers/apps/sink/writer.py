"""How the sink gets a batch into the database whatever fails: a refused row, a lost connection, a bad deploy.

- A row the database refuses: the batch is written again row by row and that
  row goes to ``sink_dead_letters`` (``consumers.apps.sink.transaction``).
- A transient error (connection lost, server restarting, deadlock): the
  transaction is rolled back, the connection made again when it is gone, and
  the batch retried with capped exponential backoff, until it is stored or
  the sink is stopped; nothing is committed meanwhile.
- Anything else, or more than ``dead_letter_max_consecutive`` dead letters in
  a row: the sink stops without committing the batch.

Runs in the database thread, which waits out the backoff itself: the event
loop stays free to keep the consumer in its group and to serve the probes.
"""

import logging
import threading
from collections.abc import Sequence

from consumers.apps.sink.database import Database
from consumers.apps.sink.dead_letters import DeadLetters
from consumers.apps.sink.entries import Entry
from consumers.apps.sink.failures import SinkDatabaseError, classify
from consumers.apps.sink.transaction import store
from consumers.errors import DeadLetterLimitExceeded
from consumers.runtime.retry import Backoff

logger = logging.getLogger(__name__)


class BatchWriter:
    """Stores batches; ``write`` returns None when ``stopping`` is set while it waits for the database."""

    def __init__(self, database: Database, letters: DeadLetters, backoff: Backoff, stopping: threading.Event) -> None:
        self._database, self._letters, self._backoff, self._stopping = database, letters, backoff, stopping

    def write(self, entries: Sequence[Entry]) -> list[str | None] | None:
        """Per entry, None when stored, else the reason it was dead-lettered."""
        one_by_one, attempt = False, 0
        while True:
            try:
                if attempt:
                    self._database.recover()
                return store(self._database, entries, self._letters, one_by_one)
            except DeadLetterLimitExceeded:
                raise
            except Exception as error:  # noqa: BLE001 - classified: what is neither row nor transient stops the sink
                failure = classify(error)
                if failure == "row" and not one_by_one:
                    one_by_one = True
                    continue
                if failure != "transient":
                    raise SinkDatabaseError(self._letters.describe(error)) from None
                attempt += 1
                delay = self._backoff.delay(attempt)
                reason = self._letters.describe(error)
                logger.warning("database unavailable (%s); retry %d in %.1f s", reason, attempt, delay)
                if self._stopping.wait(delay):
                    return None
