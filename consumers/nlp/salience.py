"""How central each entity is to an article, and how the article treats the central ones.

Salience is relative: the entity with the most weight scores 1.0. A mention
in the title weighs three times a body mention (headlines name what the story
is about), and a mention in the lead sentence adds two. The article's stance
toward a salient actor is the mean, over the sentences that mention it, of
P(positive) - P(negative) from the target-dependent stance model, so one
hostile quote in a friendly article does not flip the whole article.
"""

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from consumers.nlp.resolve import Resolution
from consumers.nlp.target_items import TargetItem, TargetScore
from schemas import ArticleStance, EntityType, TextField

SALIENT = 0.3  # entities at or above this salience get an article-level stance
TONE_MARGIN = 0.15  # |score| below this is neutral
MAX_SENTENCES = 12  # per entity: bounds the cost on long articles
ACTORS = {EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.NORP}


@dataclass(frozen=True, slots=True)
class ToneItem:
    """One sentence to score for one entity's article-level stance."""

    entity_id: str
    item: TargetItem


def salience(resolution: Resolution, docs: Mapping[TextField, Doc]) -> dict[str, float]:
    """Entity id -> salience in [0, 1], the most salient entity at 1.0."""
    body = docs.get("body")
    lead_end = next(iter(body.sents)).end_char if body is not None and len(body) else 0
    weights: dict[str, float] = {}
    for record in resolution.entities.values():
        weight = 0.0
        in_lead = False
        for mention in record.mentions:
            weight += 3.0 if mention.candidate.field == "title" else 1.0
            in_lead = in_lead or (mention.candidate.field == "body" and mention.candidate.start < lead_end)
        weights[record.id] = weight + (2.0 if in_lead else 0.0)
    top = max(weights.values(), default=0.0)
    return {entity_id: round(weight / top, 4) if top else 0.0 for entity_id, weight in weights.items()}


def tone_items(resolution: Resolution, docs: Mapping[TextField, Doc], scores: Mapping[str, float]) -> list[ToneItem]:
    """The first mention of each salient actor in each sentence, as target-stance questions."""
    items: list[ToneItem] = []
    sentences: dict[TextField, _Sentences] = {}  # made on first use: a field with no mention is never split
    for record in resolution.entities.values():
        if record.type not in ACTORS or scores.get(record.id, 0.0) < SALIENT:
            continue
        seen: set[tuple[str, int]] = set()
        for mention in sorted(record.mentions, key=lambda m: (m.candidate.field != "title", m.candidate.start)):
            cand = mention.candidate
            if cand.field not in sentences:
                sentences[cand.field] = _Sentences(docs[cand.field])
            sentence, text = sentences[cand.field].of(cand.tok_start)
            if (cand.field, sentence.start) in seen or len(seen) >= MAX_SENTENCES:
                continue
            seen.add((cand.field, sentence.start))
            start = cand.start - sentence.start_char
            items.append(ToneItem(record.id, TargetItem(text, start, start + len(cand.text))))
    return items


class _Sentences:
    """One doc's sentences found by token index, each with its text.

    ``Token.sent`` walks to the sentence's edges and ``Span.text`` joins the
    sentence's tokens on every call; the mentions of an article's salient
    actors ask for the same few sentences again and again.
    """

    def __init__(self, doc: Doc) -> None:
        self._spans = list(doc.sents)
        self._starts = [span.start for span in self._spans]
        self._texts: dict[int, str] = {}

    def of(self, token_index: int) -> tuple[Span, str]:
        """The sentence holding the token, and its text."""
        position = bisect_right(self._starts, token_index) - 1
        if position not in self._texts:
            self._texts[position] = self._spans[position].text
        return self._spans[position], self._texts[position]


def article_stances(items: list[ToneItem], scores: list[TargetScore]) -> dict[str, ArticleStance]:
    """Entity id -> the article's aggregated stance toward it."""
    grouped: dict[str, list[TargetScore]] = {}
    for item, score in zip(items, scores, strict=True):
        grouped.setdefault(item.entity_id, []).append(score)
    result: dict[str, ArticleStance] = {}
    for entity_id, rows in grouped.items():
        value = sum(r.positive - r.negative for r in rows) / len(rows)
        tone = "positive" if value > TONE_MARGIN else "negative" if value < -TONE_MARGIN else "neutral"
        result[entity_id] = ArticleStance(tone=tone, score=round(max(-1.0, min(1.0, value)), 4), sentences=len(rows))
    return result
