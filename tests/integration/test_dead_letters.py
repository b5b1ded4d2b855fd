"""Bad input goes to the dead letter topic with its original bytes; nothing else is lost."""

from collections import Counter

import orjson

from consumers.commands.benchmark.fixtures import as_messages
from consumers.commands.publish import RawMessage, publish
from consumers.kafka.reader import read_to_end
from consumers.nlp.annotator import Annotator
from consumers.settings import Settings
from schemas import DeadLetter, EnrichedArticle, decode
from tests.integration.articles import generated_articles
from tests.integration.conftest import read_outputs
from tests.integration.test_seed_end_to_end import run_worker

BAD = {
    b"\xff\xfe\x00 not utf-8": "InvalidEncoding",
    b'{"id": "cut-off", "body": "half a mess': "InvalidJson",
    b"[1, 2, 3]": "SchemaMismatch",
    b'{"id": "no-url", "title": "t", "body": "b", "source": "s"}': "SchemaMismatch",
    orjson.dumps({"id": "empty-body", "url": "https://e.org/e", "title": "t", "body": "  ", "source": "s"}): (
        "SchemaMismatch"
    ),
    orjson.dumps(
        {"id": "too-long", "url": "https://e.org/l", "title": "t", "body": "word " * 30_000, "source": "s"}
    ): "BodyTooLong",
    orjson.dumps(
        {"id": "french", "url": "https://e.org/f", "title": "t", "body": "Bonjour.", "source": "s", "language": "fr"}
    ): "UnsupportedLanguage",
}


async def test_bad_messages_are_dead_lettered_untouched_and_good_ones_enriched(
    settings: Settings, annotator: Annotator
) -> None:
    good = generated_articles(21)
    messages = as_messages(good)
    for position, value in enumerate(BAD):
        messages.insert(position * 3 + 1, RawMessage(f"bad-{position}".encode(), value))
    await publish(settings, messages)
    await run_worker(settings, annotator)
    out = await read_outputs(settings)

    enriched_ids = [decode(EnrichedArticle, record.value or b"").id for record in out["enriched"]]
    assert sorted(enriched_ids) == sorted(article.id for article in good)

    letters = [
        (record, DeadLetter.from_record(record.key, record.value, list(record.headers))) for record in out["dlq"]
    ]
    assert Counter(record.value for record, _ in letters) == Counter(list(BAD))
    raw = (await read_to_end(settings.kafka, [settings.topics.name("raw")]))[settings.topics.name("raw")]
    by_position = {(r.partition, r.offset): r for r in raw}
    for record, letter in letters:
        assert letter.error_class == BAD[record.value or b""]
        original = by_position[(letter.source_partition, letter.source_offset)]
        assert (original.key, original.value) == (record.key, record.value)
