"""What the worker does when the group moves partitions: drain before they go, fence before reading new ones."""

import asyncio
import logging
from typing import Protocol

from aiokafka import ConsumerRebalanceListener, TopicPartition

from consumers.errors import FenceFailed, StancewireError
from consumers.runtime.fencing import PartitionFence
from consumers.runtime.health import WorkerState
from consumers.runtime.metrics import ASSIGNED_PARTITIONS, REBALANCES
from consumers.runtime.steps.transact import PartitionProducers

logger = logging.getLogger(__name__)


class Rebalanced(Protocol):
    """The parts of the worker a rebalance touches."""

    partition_producers: PartitionProducers | None
    fence: PartitionFence | None
    state: WorkerState

    @property
    def shutdown_timeout_s(self) -> float: ...

    async def drain(self, revoked: set[TopicPartition], timeout_s: float | None = None) -> None: ...

    def fail(self, error: StancewireError) -> None: ...


class DrainOnRevoke(ConsumerRebalanceListener):  # type: ignore[misc]
    """Finishes and commits in-flight work before partitions move; exactly-once: fences those that arrive."""

    def __init__(self, worker: Rebalanced) -> None:
        self._worker = worker

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        await self._worker.drain(revoked)
        if self._worker.partition_producers is not None:
            await self._worker.partition_producers.revoke(revoked)

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        if self._worker.fence is not None:
            try:  # aiokafka only logs what a listener raises: the worker must stop instead
                async with asyncio.timeout(self._worker.shutdown_timeout_s):
                    await self._worker.fence.fence(assigned)
            except Exception as error:  # noqa: BLE001 - any failure leaves partitions unfenced
                self._worker.fail(FenceFailed(f"could not fence {len(assigned)} partitions: {error!r}"))
                return
        REBALANCES.inc()
        ASSIGNED_PARTITIONS.set(len(assigned))
        self._worker.state.joined.set()
        logger.info("assigned partitions: %s", sorted(f"{tp.topic}/{tp.partition}" for tp in assigned))
