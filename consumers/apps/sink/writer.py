"""How the sink gets a batch into the database whatever fails: a refused row, a lost connection, a bad deploy.

- A row the database refuses: the batch is written again row by row and that
  row goes to ``sink_dead_letters`` (``consumers.apps.sink.transaction``).
- A transient error (connection lost, server restarting, deadlock): the
  transaction is rolled back, the connection made again when it is gone, and
  the batch retried with capped exponential backoff, until it is stored or
  the sink is stopped; nothing is committed meanwhile.
- Anything else, or more than ``dead_letter_max_consecutive`` dead letters in
  a row: the sink stops without committing the batch.
"""

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TypeVar

from consumers.apps.sink.database import Database
from consumers.apps.sink.dead_letters import DeadLetters
from consumers.apps.sink.entries import Entry
from consumers.apps.sink.failures import SinkDatabaseError, classify
from consumers.apps.sink.transaction import store
from consumers.errors import DeadLetterLimitExceeded
from consumers.runtime.retry import Backoff

logger = logging.getLogger(__name__)
T = TypeVar("T")


class BatchWriter:
    """Stores batches through the database thread; ``write`` returns None when stopped while retrying."""

    def __init__(
        self, database: Database, executor: ThreadPoolExecutor, letters: DeadLetters, backoff: Backoff
    ) -> None:
        self._database, self._executor, self._letters, self._backoff = database, executor, letters, backoff

    async def write(self, entries: Sequence[Entry], stopping: asyncio.Event) -> list[str | None] | None:
        """Per entry, None when stored, else the reason it was dead-lettered."""
        one_by_one, attempt = False, 0
        while True:
            try:
                if attempt:
                    await self._in_thread(self._database.recover)
                return await self._in_thread(partial(store, self._database, entries, self._letters, one_by_one))
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
                if await _stopped_within(stopping, delay):
                    return None

    async def _in_thread(self, call: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, call)


async def _stopped_within(stopping: asyncio.Event, seconds: float) -> bool:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stopping.wait(), seconds)
    return stopping.is_set()
