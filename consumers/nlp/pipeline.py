"""The annotator the workers call: NER, entity resolution, role links and stance, per batch.

Models load once in ``build_annotator``; ``annotate`` runs spaCy over the
whole batch with ``nlp.pipe`` and the sentence encoder once over every
sentence that holds a candidate relation, so the cost per article stays low.
An article that fails is returned as its exception; the others go on.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from consumers.nlp.affiliation import assign_affiliations, assign_org_countries
from consumers.nlp.annotator import Annotation, Annotator
from consumers.nlp.coref import first_person_owners, resolve_pronouns
from consumers.nlp.encoder import SentenceEncoder
from consumers.nlp.gazetteer import Gazetteer, default_gazetteer
from consumers.nlp.mentions import clean_spans, propagate
from consumers.nlp.ner import NerBackend, build_ner
from consumers.nlp.quadclass import HEAD_VERSION, QuadClassHead
from consumers.nlp.resolve import Resolution, resolve
from consumers.nlp.roles import RoleLink, RoleReader
from consumers.nlp.spans import ParsedText
from consumers.nlp.stance import aggregate, expand_affiliations, score
from consumers.settings import Settings
from schemas import Entity, Mention, RawArticle, Versions


@dataclass(slots=True)
class _Analysed:
    """One article between the parse and the stance step."""

    resolution: Resolution
    links: list[RoleLink]


class NlpAnnotator:
    """Implements ``Annotator`` with replaceable parts: NER backend, gazetteer, encoder, stance head."""

    def __init__(
        self,
        ner: NerBackend,
        encoder: SentenceEncoder,
        head: QuadClassHead,
        *,
        enrichment_version: str,
        gazetteer: Gazetteer | None = None,
        stance_version: str = HEAD_VERSION,
    ) -> None:
        """Wire already-loaded components (see ``build_annotator``)."""
        self._ner = ner
        self._encoder = encoder
        self._head = head
        self._gazetteer = gazetteer or default_gazetteer()
        self._versions = Versions(enrichment=enrichment_version, ner=ner.version, stance=stance_version)

    @property
    def versions(self) -> Versions:
        """Names and versions of the models, recorded in every event."""
        return self._versions

    def annotate(self, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
        """One Annotation (or the article's exception) per article, in order."""
        texts = [text for article in articles for text in (article.title, article.body)]
        parsed = self._ner.parse(texts)
        analysed: list[_Analysed | Exception] = []
        for index in range(len(articles)):
            try:
                analysed.append(self._analyse(parsed[2 * index], parsed[2 * index + 1]))
            except Exception as error:  # noqa: BLE001 - one bad article must not fail the batch
                analysed.append(error)
        sentences = sorted({link.sentence.text for a in analysed if isinstance(a, _Analysed) for link in a.links})
        scores = dict(zip(sentences, self._head.valence(self._encoder.encode(sentences)), strict=True))
        results: list[Annotation | Exception] = []
        for item in analysed:
            if isinstance(item, Exception):
                results.append(item)
                continue
            try:
                scored = [s for link in item.links if (s := score(link, scores[link.sentence.text])) is not None]
                stances = aggregate(scored, item.resolution, "body")
                results.append(Annotation(entities=_entities(item.resolution), stances=stances))
            except Exception as error:  # noqa: BLE001
                results.append(error)
        return results

    def _analyse(self, title: ParsedText, body: ParsedText) -> _Analysed:
        """Mentions, entities, affiliations, pronouns and role links of one article."""
        cleaned = propagate(
            {
                "title": (title.doc, clean_spans(title.doc, title.spans, "title")),
                "body": (body.doc, clean_spans(body.doc, body.spans, "body")),
            }
        )
        docs: dict[str, Doc] = {"title": title.doc, "body": body.doc}
        candidates = [(cand, docs[field]) for field, cands in cleaned.items() for cand in cands]
        resolution = resolve(candidates, self._gazetteer)
        assign_org_countries(resolution, self._gazetteer)
        assign_affiliations(resolution, {"title": title.doc, "body": body.doc})
        owners = dict(resolution.token_entity["body"])
        owners.update(resolve_pronouns(body.doc, resolution, owners))
        owners.update(first_person_owners(body.doc, resolution, owners))
        links = expand_affiliations(RoleReader(body.doc, owners, resolution).links(), resolution)
        return _Analysed(resolution, links)


def _entities(resolution: Resolution) -> list[Entity]:
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
    encoder = SentenceEncoder(nlp.encoder, threads=nlp.torch_threads)
    return NlpAnnotator(ner, encoder, QuadClassHead.load(), enrichment_version=settings.enrichment_version)
