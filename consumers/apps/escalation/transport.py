"""faust's aiokafka transport, fetching only the partitions the app will hand to its agent.

faust-streaming (0.15) passes its live set of active partitions to aiokafka,
which reads it in the consumer thread. When a recovery ends that set is
empty for a moment (the changelog partitions are paused, the source ones not
yet resumed), and aiokafka takes an empty set for "every partition": it
hands over the source records, faust drops them as not active, and the
fetch position has moved past them. A restarted app so skipped records
written while it started, or stalled until new ones came (the restart drill
in ``tests/integration/test_escalation.py`` lost 1 to 4 of 4 under CPU load).
Here each fetch gets a copy of the set taken when it starts (faust checks
the set is not empty just before), and an empty set fetches nothing.
Records of a partition paused after a fetch started are still dropped by
faust's own filter; that happens on a rebalance, when the new owner reads
them again from the committed offset.
"""

import asyncio

import faust
from faust.transport.consumer import RecordMap
from faust.transport.drivers import aiokafka
from faust.types import TP
from faust.types.transports import TransportT


class ActiveOnlyConsumer(aiokafka.Consumer):
    """Fetches for a snapshot of the active partitions, never for all of them by accident."""

    async def _getmany(self, active_partitions: set[TP] | None, timeout: float) -> RecordMap:  # noqa: ASYNC109 (faust's)
        if active_partitions is None:  # a client-only app: every partition, by design
            return await super()._getmany(None, timeout)
        snapshot = set(active_partitions)
        if not snapshot:  # faust checks this itself before it calls; never let an empty set mean "all"
            await asyncio.sleep(timeout)
            return {}
        return await super()._getmany(snapshot, timeout)


class ActiveOnlyTransport(aiokafka.Transport):
    """The aiokafka transport with :class:`ActiveOnlyConsumer`."""

    Consumer = ActiveOnlyConsumer


class EscalationApp(faust.App):
    """A faust app whose consumer is :class:`ActiveOnlyConsumer` (brokers are always ``kafka://`` here)."""

    def _new_transport(self) -> TransportT:
        return ActiveOnlyTransport(self.conf.broker_consumer, self)
