"""The annotator the workers call: NER, entity resolution, role links and stance, per batch.

Models load once in ``build_annotator``; ``annotate`` runs spaCy over the
whole batch with ``nlp.pipe``, the sentence encoder once over every sentence
that holds a candidate relation, and the target-stance model once over every
(sentence, target) question of the batch, so the cost per article stays low.
An article that fails is returned as its exception; the others go on.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from consumers.nlp.affiliation import assign_affiliations, assign_org_countries
from consumers.nlp.annotator import Annotation, Annotator
from consumers.nlp.budget import time_budget
from consumers.nlp.coref import first_person_owners, resolve_pronouns
from consumers.nlp.embeddings import Encoder
from consumers.nlp.events.actors import ActorReader
from consumers.nlp.events.coder import CodedEvent, EventCoder
from consumers.nlp.events.relations import merge_relations, relations_of
from consumers.nlp.gazetteer import Gazetteer, default_gazetteer
from consumers.nlp.mentions import clean_spans, propagate
from consumers.nlp.missed_names import with_missed_names
from consumers.nlp.ner import NerBackend, build_ner
from consumers.nlp.quadclass import HEAD_VERSION, QuadClassHead
from consumers.nlp.resolve import Resolution, resolve
from consumers.nlp.roles import RoleLink, RoleReader
from consumers.nlp.salience import ToneItem, article_stances, salience, tone_items
from consumers.nlp.spans import ParsedText
from consumers.nlp.stance import aggregate, expand_affiliations, score
from consumers.nlp.target_items import TSC_LABELS, UNKNOWN_TARGET, TargetItem, TargetScore, TargetScorer
from consumers.settings import Settings
from schemas import ArticleStance, Entity, Mention, RawArticle, TextField, Versions


@dataclass(slots=True)
class _Analysed:
    """One article between the parse and the stance step."""

    resolution: Resolution
    links: list[RoleLink]
    owners: dict[int, str]
    salience: dict[str, float]
    tones: list[ToneItem]
    events: list[CodedEvent]


class NlpAnnotator:
    """Implements ``Annotator`` with replaceable parts: NER backend, gazetteer, encoder, stance head."""

    def __init__(
        self,
        ner: NerBackend,
        encoder: Encoder,
        head: QuadClassHead,
        target_scorer: TargetScorer,
        *,
        enrichment_version: str,
        gazetteer: Gazetteer | None = None,
        time_budget_s: float = 10.0,
    ) -> None:
        """Wire already-loaded components (see ``build_annotator``); ``time_budget_s`` bounds one article's reading."""
        self._time_budget_s = time_budget_s
        self._ner = ner
        self._encoder = encoder
        self._head = head
        self._scorer = target_scorer
        self._gazetteer = gazetteer or default_gazetteer()
        stance_version = f"{target_scorer.version}+{HEAD_VERSION}"
        self._versions = Versions(enrichment=enrichment_version, ner=ner.version, stance=stance_version)

    @property
    def versions(self) -> Versions:
        """Names and versions of the models, recorded in every event."""
        return self._versions

    @property
    def target_scorer(self) -> TargetScorer:
        """The target-stance model (for evaluation)."""
        return self._scorer

    @property
    def encoder(self) -> Encoder:
        """The frozen sentence encoder feeding the quad-class head (for evaluation)."""
        return self._encoder

    @property
    def quad_head(self) -> QuadClassHead:
        """The sentence-level quad-class head (for evaluation)."""
        return self._head

    def annotate(self, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
        """One Annotation (or the article's exception) per article, in order."""
        texts = [text for article in articles for text in (article.title, article.body)]
        parsed = self._ner.parse(texts)
        analysed: list[_Analysed | Exception] = []
        for index in range(len(articles)):
            try:
                with time_budget(self._time_budget_s):
                    analysed.append(self._analyse(parsed[2 * index], parsed[2 * index + 1], articles[index]))
            except Exception as error:  # noqa: BLE001 - one bad article must not fail the batch
                analysed.append(error)
        done = [a for a in analysed if isinstance(a, _Analysed)]
        sentences = sorted({link.sentence.text for a in done for link in a.links})
        quad = dict(zip(sentences, self._head.probabilities(self._encoder.encode(sentences)), strict=True))
        questions = [_target_item(link, a.owners) for a in done for link in a.links]
        questions += [tone.item for a in done for tone in a.tones]
        asked = list(dict.fromkeys(q for q in questions if q is not None))  # each question once
        rows = self._scorer.probabilities(asked) if asked else np.zeros((0, len(TSC_LABELS)), dtype=np.float32)
        answers = {q: TargetScore.of(row) for q, row in zip(asked, rows, strict=True)}
        targets = iter([answers[q] if q is not None else UNKNOWN_TARGET for q in questions])
        per_link = {id(a): [next(targets) for _ in a.links] for a in done}
        per_tone = {id(a): [next(targets) for _ in a.tones] for a in done}
        results: list[Annotation | Exception] = []
        for item in analysed:
            if isinstance(item, Exception):
                results.append(item)
                continue
            try:
                scored = [
                    s
                    for link, target in zip(item.links, per_link[id(item)], strict=True)
                    if (s := score(link, quad[link.sentence.text], target)) is not None
                ]
                stances = merge_relations(
                    relations_of(item.events, item.resolution), aggregate(scored, item.resolution, "body")
                )
                tones = article_stances(item.tones, per_tone[id(item)])
                entities = _entities(item.resolution, item.salience, tones, self._gazetteer)
                results.append(Annotation(entities=entities, stances=stances))
            except Exception as error:  # noqa: BLE001
                results.append(error)
        return results

    def _analyse(self, title: ParsedText, body: ParsedText, article: RawArticle) -> _Analysed:
        """Mentions, entities, affiliations, pronouns and role links of one article."""
        cleaned = propagate(
            {
                "title": (title, clean_spans(title, with_missed_names(title, self._gazetteer), "title")),
                "body": (body, clean_spans(body, with_missed_names(body, self._gazetteer), "body")),
            }
        )
        docs: dict[TextField, Doc] = {"title": title.doc, "body": body.doc}
        candidates = [(cand, docs[field]) for field, cands in cleaned.items() for cand in cands]
        resolution = resolve(candidates, self._gazetteer)
        assign_org_countries(resolution, self._gazetteer)
        assign_affiliations(resolution, {"title": title.doc, "body": body.doc})
        owners = dict(resolution.token_entity["body"])
        owners.update(resolve_pronouns(body.doc, resolution, owners))
        owners.update(first_person_owners(body.doc, resolution, owners))
        # Acts are coded as events; the stance reader adds only what speakers say of others, with no act
        # to code ("According to him, Russia poses a threat"), labelled by the cue words and the two models.
        links = [
            link
            for link in expand_affiliations(RoleReader(body.doc, owners, resolution).links(), resolution)
            if link.via in ("speech", "according")
        ]
        scores = salience(resolution, docs)
        published = article.published_at.date().isoformat() if article.published_at else None
        title_reader = ActorReader(
            title.doc, dict(resolution.token_entity["title"]), resolution, self._gazetteer, published
        )
        body_reader = ActorReader(body.doc, owners, resolution, self._gazetteer, published)
        events = EventCoder(title_reader, "title").events() + EventCoder(body_reader, "body").events()
        links = [link for link in links if _coded(body_reader, link.source) != _coded(body_reader, link.target)]
        return _Analysed(resolution, links, owners, scores, tone_items(resolution, docs, scores), events)


def _coded(reader: ActorReader, entity_id: str) -> str:
    """The actor an entity is coded as: the Kremlin's spokesman and Putin are both Russia."""
    actor = reader.of_entity(entity_id)
    return actor.id if actor is not None else entity_id


def _target_item(link: RoleLink, owners: dict[int, str]) -> TargetItem | None:
    """The link's sentence with the target's mention nearest the link; None if the sentence lacks it."""
    sentence = link.sentence
    owned = [t.i for t in sentence if owners.get(t.i) == link.target]
    if not owned:
        return None
    end_token = link.path[-1].i if link.path else owned[0]
    anchor = end_token if end_token in owned else owned[0]
    first = last = anchor
    while first - 1 >= sentence.start and owners.get(first - 1) == link.target:
        first -= 1
    while last + 1 < sentence.end and owners.get(last + 1) == link.target:
        last += 1
    doc = sentence.doc
    start = doc[first].idx - sentence.start_char
    end = doc[last].idx + len(doc[last].text) - sentence.start_char
    return TargetItem(sentence.text, start, end)


def _entities(
    resolution: Resolution, scores: dict[str, float], tones: dict[str, ArticleStance], gazetteer: Gazetteer
) -> list[Entity]:
    """Publishable entities, in order of first mention (title first)."""
    records = sorted(
        resolution.entities.values(),
        key=lambda r: min((m.candidate.field != "title", m.candidate.start) for m in r.mentions),
    )
    return [
        Entity(
            id=record.id,
            name=record.name,
            type=record.type,
            affiliation=record.affiliation,
            wikidata=gazetteer.wikidata(record.id),
            salience=scores.get(record.id, 0.0),
            stance=tones.get(record.id),
            mentions=[
                Mention(text=m.candidate.text, field=m.candidate.field, start=m.candidate.start, end=m.candidate.end)
                for m in record.mentions
            ],
        )
        for record in records
    ]


def build_annotator(settings: Settings) -> Annotator:
    """Load the models named in settings once; the result is safe to call from one worker thread."""
    nlp = settings.nlp
    ner = build_ner(nlp.ner_backend, spacy_model=nlp.spacy_model, ner_model=nlp.ner_model, threads=nlp.torch_threads)
    encoder = build_encoder(nlp.encoder, runtime=nlp.runtime, threads=nlp.torch_threads, onnx_dir=nlp.onnx_dir)
    scorer = build_target_scorer(
        nlp.stance_backend,
        nli_model=nlp.nli_model,
        threads=nlp.torch_threads,
        runtime=nlp.runtime,
        onnx_dir=nlp.onnx_dir,
    )
    head = QuadClassHead.load()
    version = settings.enrichment_version
    return NlpAnnotator(ner, encoder, head, scorer, enrichment_version=version, time_budget_s=nlp.article_time_budget_s)


def build_encoder(
    name: str | None, *, runtime: str = "torch", threads: int | None = None, onnx_dir: Path | None = None
) -> Encoder:
    """The sentence encoder on the runtime named in settings (``onnx``: exported once if missing)."""
    if runtime == "onnx":
        from consumers.nlp.onnx_models import OnnxSentenceEncoder

        return OnnxSentenceEncoder(name, threads=threads, onnx_dir=onnx_dir)
    if runtime == "torch":
        from consumers.nlp.encoder import SentenceEncoder  # torch: only this runtime needs it

        return SentenceEncoder(name, threads=threads)
    raise ValueError(f"unknown runtime {runtime!r}")


def build_target_scorer(
    backend: str,
    *,
    nli_model: str | None,
    threads: int | None = None,
    runtime: str = "torch",
    onnx_dir: Path | None = None,
) -> TargetScorer:
    """The target-stance backend named in settings: the bundled trained model, or a zero-shot NLI model.

    ``runtime`` applies to the trained model only: NLI models are arbitrary
    hub models, so they stay on torch rather than being exported blind.
    """
    if backend == "trained":
        if runtime == "onnx":
            from consumers.nlp.onnx_models import OnnxTargetStanceModel

            return OnnxTargetStanceModel(threads=threads, onnx_dir=onnx_dir)
        from consumers.nlp.target_stance import TargetStanceModel

        return TargetStanceModel(threads=threads)
    if backend == "nli":
        if not nli_model:
            raise ValueError("nlp.nli_model must name an NLI model (hub id or path) for the nli stance backend")
        from consumers.nlp.nli_stance import NliTargetScorer

        return NliTargetScorer(nli_model, threads=threads)
    raise ValueError(f"unknown stance backend {backend!r}")
