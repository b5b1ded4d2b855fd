"""The two baselines the worker is compared with: a naive consumer and a raw consume→produce loop."""

import contextlib
import time
from collections.abc import AsyncIterator

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from consumers.core import Decoder, Enrichment, enrich_received, records_of
from consumers.core.alerts import RuleSet
from consumers.kafka.clients import make_consumer, make_producer
from consumers.nlp.annotator import Annotator
from consumers.runtime.records import received
from consumers.settings import Settings


@contextlib.asynccontextmanager
async def _clients(settings: Settings) -> AsyncIterator[tuple[AIOKafkaConsumer, AIOKafkaProducer]]:
    """A producer and a consumer subscribed to the raw topic in the settings' group, stopped on exit."""
    consumer = make_consumer(settings.kafka, settings.worker.group_id)
    producer = make_producer(settings.kafka)
    await producer.start()
    await consumer.start()
    try:
        consumer.subscribe([settings.topics.name("raw")])
        yield consumer, producer
    finally:
        await consumer.stop()
        await producer.stop()


async def naive_consumer(settings: Settings, annotator: Annotator, rules: RuleSet, count: int) -> float:
    """One message at a time: consume, annotate (on the event loop), produce and wait, commit. Articles/s."""
    decoder = Decoder.from_settings(settings)
    async with _clients(settings) as (consumer, producer):
        started = 0.0
        for _ in range(count):
            record = await consumer.getone()
            started = started or time.perf_counter()
            (outcome,) = enrich_received([received(record)], decoder, annotator, rules)
            assert isinstance(outcome, Enrichment), outcome  # noqa: S101 - valid seed articles
            for out in records_of(outcome):
                topic = settings.topics.name(out.kind)
                await producer.send_and_wait(topic, out.value, out.key, headers=out.headers or None)
            await consumer.commit({TopicPartition(record.topic, record.partition): record.offset + 1})
        return count / (time.perf_counter() - started)


async def raw_consume_produce(settings: Settings, count: int) -> float:
    """Plain aiokafka: fetch a batch, copy every value to an output topic, await the acks, commit. Messages/s."""
    async with _clients(settings) as (consumer, producer):
        output = settings.topics.name("enriched")
        started, done = 0.0, 0
        while done < count:
            fetched = await consumer.getmany(timeout_ms=200, max_records=settings.worker.batch_size)
            if not fetched:
                continue
            started = started or time.perf_counter()
            acks = [await producer.send(output, r.value, r.key) for records in fetched.values() for r in records]
            for ack in acks:
                await ack
            await consumer.commit({tp: records[-1].offset + 1 for tp, records in fetched.items()})
            done += len(acks)
        return count / (time.perf_counter() - started)
