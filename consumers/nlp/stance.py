"""From role links to stance relations: direction from cue words and two trained models.

Each link is labelled from the words between its two ends (``lexicon``):
a conflict cue makes it hostile, a cooperation cue cooperative (conflict wins
when both occur: "cut ties", "support sanctions against"). Without a cue two
models vote: the sentence-level quad-class head (is this sentence about
cooperation or conflict?) and the target-dependent stance model (does the
sentence treat this target negatively or positively?). A label is emitted
only when their mean is confident and neither contradicts it, because one
model alone confuses "how the target is portrayed" with "what the source does
toward it". Links are then aggregated per (source, target): the label with
the largest summed confidence wins and its best sentence is the evidence.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from consumers.nlp.lexicon import cue_of, is_negated
from consumers.nlp.quadclass import FloatArray, Valence, quad_class_for, valence_of
from consumers.nlp.resolve import Resolution, same_side, sides
from consumers.nlp.roles import RoleLink
from consumers.nlp.target_items import TargetScore
from schemas import EntityType, Evidence, StanceRelation, TextField
from schemas.enriched import EVIDENCE_MAX_CHARS

MODELS_MIN = 0.6  # mean of the two models' probability for the label, when no cue word decides
CONTRADICTION = 0.5  # either model this sure of the opposite direction vetoes a label without a cue
CLAUSE_DEPS = {"dobj", "acomp", "attr", "xcomp", "oprd"}


@dataclass(frozen=True, slots=True)
class Scored:
    """A role link with its label and confidence."""

    link: RoleLink
    stance: Valence
    confidence: float
    quad: FloatArray


def expand_affiliations(links: Sequence[RoleLink], resolution: Resolution) -> list[RoleLink]:
    """A person speaking for a country gives both stances: the person's and the country's.

    "Tusk said Warsaw would keep arming Ukraine" is Poland's act voiced by Tusk,
    so Tusk -> Ukraine joins Poland -> Ukraine; "Shoigu warned the West" is
    Shoigu's, so Russia -> the West joins it (``speaker`` = the person).
    """
    result = list(links)
    for link in links:
        if link.speaker is not None and link.speaker != link.source and link.speaker in resolution.entities:
            if not same_side(resolution, link.speaker, link.target):
                voiced = RoleLink(link.speaker, link.target, link.sentence, link.path, None, link.via, link.needs_cue)
                result.append(voiced)
    for link in links:
        person = resolution.entities[link.source]
        groups = [g for g in sides(resolution, link.source)[1:] if resolution.entities[g].type is EntityType.GPE]
        if person.type is not EntityType.PERSON or not groups:
            continue
        group = groups[0]
        if not same_side(resolution, group, link.target) and group not in sides(resolution, link.target):
            result.append(RoleLink(group, link.target, link.sentence, link.path, link.source, link.via, link.needs_cue))
    return result


def cue_tokens(link: RoleLink) -> list[Token]:
    """Words that can carry the relation's direction: the path, plus the reported clause's complements."""
    tokens = list(link.path)
    # "urged India to stop its propaganda": what the source asks or wants of the target counts
    tokens.extend(t for c in link.path[0].children if c.dep_ == "xcomp" for t in c.subtree)
    if link.via == "mutual":  # "signed a pact", "launched joint exercises": the object and its modifiers
        tokens.extend(t for c in link.path[0].children if c.dep_ == "dobj" for t in c.subtree)
    if link.via in ("speech", "according") and len(link.path) == 2:
        root = link.path[1]
        subject = {t.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        tokens.extend(t for t in root.subtree if t.i not in subject and t.i != root.i)
    return tokens


def cue_label(link: RoleLink) -> Valence | None:
    """Hostile if any un-negated conflict cue (or "against") is on the path, else cooperative if any cue."""
    labels = set()
    for token in cue_tokens(link):
        if token.lower_ == "against" and token.dep_ == "prep":
            labels.add("hostile")
            continue
        cue = cue_of(token)
        if cue is not None and not is_negated(token):
            labels.add(cue)
    if "hostile" in labels:
        return "hostile"
    if "cooperative" in labels:
        return "cooperative"
    return None


def score(link: RoleLink, quad: FloatArray, target: TargetScore) -> Scored | None:
    """Label one link from its cue words, the sentence's quad classes and the target's treatment.

    Returns None when neither the cues nor the two models agree on a direction.
    """
    valence = valence_of(quad)
    polar = {
        "cooperative": (valence.cooperative + target.positive) / 2,
        "hostile": (valence.hostile + target.negative) / 2,
    }
    cue = cue_label(link)
    if cue is not None:
        total = polar["cooperative"] + polar["hostile"]
        share = polar[cue] / total if total > 0 else 0.5
        return Scored(link, cue, round(0.6 + 0.35 * share, 4), quad)
    if link.needs_cue:
        return None
    label: Valence = "hostile" if polar["hostile"] >= polar["cooperative"] else "cooperative"
    opposite = {"hostile": (valence.cooperative, target.positive), "cooperative": (valence.hostile, target.negative)}
    if polar[label] < MODELS_MIN or max(opposite[label]) >= CONTRADICTION:
        return None
    return Scored(link, label, round(0.85 * polar[label], 4), quad)


def evidence_of(sentence: Span, field: TextField, focus: int | None = None) -> Evidence:
    """The sentence, whitespace trimmed, with its offsets in the field.

    A sentence longer than ``EVIDENCE_MAX_CHARS`` gives the whole words within
    that many characters around ``focus`` (a character offset, e.g. the
    trigger's; default the sentence's start), marked ``truncated``: every
    relation would otherwise repeat a run-on sentence whole, and an article's
    events could pass the topic's message size.
    """
    truncated = sentence.end_char - sentence.start_char > EVIDENCE_MAX_CHARS
    if truncated:
        centre = sentence.start_char if focus is None else focus
        start = max(sentence.start_char, min(centre - EVIDENCE_MAX_CHARS // 2, sentence.end_char - EVIDENCE_MAX_CHARS))
        window = sentence.doc.char_span(start, start + EVIDENCE_MAX_CHARS, alignment_mode="contract")
        sentence = window if window is not None else sentence[:1]
    raw = sentence.text
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sentence.start_char + lead
    return Evidence(text=text, field=field, start=start, end=start + len(text), truncated=truncated)


def aggregate(scored: Sequence[Scored], resolution: Resolution, field: TextField) -> list[StanceRelation]:
    """One relation per (source, target): the label with most summed confidence, its best evidence."""
    pairs: dict[tuple[str, str], list[Scored]] = {}
    for item in scored:
        pairs.setdefault((item.link.source, item.link.target), []).append(item)
    relations: list[StanceRelation] = []
    for (source, target), items in sorted(pairs.items()):
        totals: dict[str, float] = {}
        for item in items:
            totals[item.stance] = totals.get(item.stance, 0.0) + item.confidence
        winner = max(sorted(totals), key=lambda label: totals[label])
        best = max(
            (i for i in items if i.stance == winner),
            key=lambda i: (i.confidence, -i.link.sentence.start_char, i.link.speaker is not None),
        )
        share = totals[winner] / sum(totals.values())
        relations.append(
            StanceRelation(
                source=source,
                source_name=resolution.entities[source].name,
                target=target,
                target_name=resolution.entities[target].name,
                stance=best.stance,
                confidence=round(best.confidence * share, 4),
                evidence=evidence_of(best.link.sentence, field, best.link.path[0].idx if best.link.path else None),
                speaker=best.link.speaker,
                quad_class=quad_class_for(best.quad, best.stance),
            )
        )
    return relations
