"""Pathological articles: a run-on sentence, an article over its time budget; and the range indexes behind them."""

import random
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consumers.errors import AnnotationTimeout
from consumers.nlp import budget, pipeline
from consumers.nlp.annotator import Annotation
from consumers.nlp.pipeline import NlpAnnotator
from consumers.nlp.spans import Overlaps, RawSpan, TakenRanges
from schemas.enriched import EVIDENCE_MAX_CHARS
from tests.nlp.conftest import article_from_text

COUNTRIES = ["France", "Germany", "Italy", "Spain", "Poland", "Russia", "China", "Japan", "India", "Brazil"]
VERBS = ["accused", "criticised", "praised", "threatened", "supported", "condemned"]


def run_on_sentence(clauses: int, seed: int = 7) -> str:
    """One sentence of many "X verbed Y" clauses joined by commas: no full stop until the end."""
    pick = random.Random(seed).choice  # noqa: S311 - test data
    return ", and ".join(f"{pick(COUNTRIES)} {pick(VERBS)} {pick(COUNTRIES)}" for _ in range(clauses)) + "."


def test_a_run_on_sentence_gives_bounded_evidence_that_still_points_into_the_body(annotator: NlpAnnotator) -> None:
    body = run_on_sentence(150)  # about 4,000 characters
    (annotation,) = annotator.annotate([article_from_text("Talks\n" + body)])
    assert isinstance(annotation, Annotation) and annotation.stances
    for relation in annotation.stances:
        evidence = relation.evidence
        assert evidence.truncated
        assert len(evidence.text) <= EVIDENCE_MAX_CHARS
        assert body[evidence.start : evidence.end] == evidence.text
        assert relation.source_name in evidence.text or relation.target_name in evidence.text


def test_an_article_over_its_time_budget_fails_alone(annotator: NlpAnnotator, monkeypatch: pytest.MonkeyPatch) -> None:
    budgets = iter([0.0, 60.0])  # the first article has used up its budget before it starts; the second has plenty
    monkeypatch.setattr(pipeline, "time_budget", lambda _seconds: budget.time_budget(next(budgets)))
    texts = ["Talks\n" + run_on_sentence(40), "Talks\nFrance accused Germany of spying."]
    slow, fine = annotator.annotate([article_from_text(text) for text in texts])
    assert isinstance(slow, AnnotationTimeout)
    assert "budget" in slow.reason
    assert isinstance(fine, Annotation) and fine.stances


def test_the_budget_is_per_thread_and_ends_with_its_block() -> None:
    with budget.time_budget(0.0):
        time.sleep(0.001)
        with pytest.raises(AnnotationTimeout):
            budget.check()
    budget.check()  # no budget outside the block


spans = st.lists(
    st.tuples(st.integers(0, 200), st.integers(0, 30)).map(lambda s: RawSpan(s[0], s[0] + s[1], "X")), max_size=40
)


@given(spans, spans)
def test_overlaps_finds_exactly_the_spans_a_scan_would(indexed: list[RawSpan], probes: list[RawSpan]) -> None:
    index = Overlaps(indexed)
    for probe in probes:
        scanned = [s for s in indexed if s.start < probe.end and s.end > probe.start]
        assert sorted(index.of(probe), key=repr) == sorted(scanned, key=repr)


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 30)), max_size=60))
def test_taken_ranges_agree_with_a_scan(ranges: list[tuple[int, int]]) -> None:
    taken, kept = TakenRanges(), []
    for start, length in ranges:
        end = start + length
        free = all(end <= s or start >= e for s, e in kept)
        assert taken.free(start, end) == free
        if free:
            taken.take(start, end)
            kept.append((start, end))
