"""Health endpoints answer what the worker state says; JSON logs keep context fields; metrics count batches."""

import logging

import aiohttp
import orjson

from consumers.runtime.health import WorkerState, serve
from consumers.runtime.logs import JsonFormatter
from consumers.runtime.metrics import END_TO_END_SECONDS, PRODUCED, record_delivered
from consumers.runtime.records import Batch, Received, Record
from consumers.settings import TopicSettings


async def get(url: str) -> tuple[int, dict[str, object] | str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        if response.content_type == "application/json":
            return response.status, await response.json()
        return response.status, await response.text()


async def test_liveness_readiness_and_metrics_endpoints() -> None:
    state = WorkerState()
    runner = await serve(state, "127.0.0.1", 0)
    try:
        host, port = runner.addresses[0][:2]
        base = f"http://{host}:{port}"
        assert (await get(f"{base}/healthz"))[0] == 200
        status, body = await get(f"{base}/readyz")
        assert status == 503 and body == {"ready": False, "models_loaded": False, "joined_group": False}

        state.models_loaded = True
        state.joined.set()
        assert (await get(f"{base}/readyz"))[0] == 200

        state.last_loop_at -= state.stall_after_s + 1  # the consume loop stopped turning
        assert (await get(f"{base}/healthz"))[0] == 503
        assert (await get(f"{base}/readyz"))[0] == 503

        status, text = await get(f"{base}/metrics")
        assert status == 200 and "stancewire_messages_consumed_total" in str(text)
    finally:
        await runner.cleanup()


def test_delivered_batches_are_counted_per_topic_with_latency() -> None:
    topics = TopicSettings(prefix="unit.")
    before = PRODUCED.labels("unit.articles.enriched")._value.get()
    observed = END_TO_END_SECONDS._sum.get()
    batch = Batch(
        [
            (Received("raw", 0, 1, None, b"", timestamp_ms=0), [Record("enriched", None, b"")]),
            (Received("raw", 0, 2, None, b"", timestamp_ms=None), [Record("enriched", None, b"")]),
        ]
    )
    record_delivered(batch, topics)
    assert PRODUCED.labels("unit.articles.enriched")._value.get() == before + 2
    assert END_TO_END_SECONDS._sum.get() > observed


def test_json_logs_are_one_object_per_line_with_context() -> None:
    record = logging.LogRecord("consumers.runtime.steps.enrich", logging.WARNING, __file__, 1, "dead %s", ("x",), None)
    record.topic, record.partition, record.offset = "articles.raw", 2, 41
    line = JsonFormatter().format(record)
    event = orjson.loads(line)
    assert "\n" not in line
    assert event["message"] == "dead x" and event["level"] == "WARNING"
    assert (event["topic"], event["partition"], event["offset"]) == ("articles.raw", 2, 41)
