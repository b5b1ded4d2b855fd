"""Prometheus metrics of the enrichment worker (served on ``/metrics`` by ``consumers.runtime.health``).

Module-level metrics in the default registry, as prometheus-client intends:
every step records into the same process-wide series.
"""

import time

from aiokafka import AIOKafkaConsumer
from prometheus_client import Counter, Gauge, Histogram

from consumers.runtime.records import Batch, Record
from consumers.settings import TopicSettings

CONSUMED = Counter("stancewire_messages_consumed", "Raw messages fetched from the input topic.")
PRODUCED = Counter("stancewire_messages_produced", "Output records acknowledged by the broker.", ["topic"])
DEAD_LETTERED = Counter("stancewire_dead_letters", "Messages sent to the dead letter topic.", ["reason"])
REBALANCES = Counter("stancewire_rebalances", "Partition assignments received by this worker.")
BATCH_SIZE = Histogram(
    "stancewire_batch_size", "Messages per fetched batch.", buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512)
)
INFERENCE_SECONDS = Histogram(
    "stancewire_inference_seconds",
    "Time of one annotation call (the batches waiting for the models are annotated together).",
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
END_TO_END_SECONDS = Histogram(
    "stancewire_end_to_end_latency_seconds",
    "From a raw message's timestamp to the acknowledgement of its outputs.",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300),
)
CONSUMER_LAG = Gauge("stancewire_consumer_lag", "Messages behind the end of each partition.", ["topic", "partition"])
ASSIGNED_PARTITIONS = Gauge("stancewire_assigned_partitions", "Partitions this worker owns now.")


def record_delivered(batch: Batch[list[Record]], topics: TopicSettings) -> None:
    """Count a batch's acknowledged outputs and observe each source message's end-to-end latency."""
    now = time.time()
    for received, records in batch.items:
        for record in records:
            PRODUCED.labels(topics.name(record.kind)).inc()
        if received.timestamp_ms is not None:
            END_TO_END_SECONDS.observe(max(0.0, now - received.timestamp_ms / 1000))


async def record_lag(consumer: AIOKafkaConsumer) -> None:
    """Set each owned partition's lag: messages between the consumer's position and the partition's end."""
    for tp in consumer.assignment():
        highwater = consumer.highwater(tp)
        if highwater is not None:
            position = await consumer.position(tp)
            CONSUMER_LAG.labels(tp.topic, str(tp.partition)).set(max(0, highwater - position))
