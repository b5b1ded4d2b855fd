"""From role links to stance relations: direction from cue words, confidence from the classifier.

Each link is labelled from the words between its two ends (``lexicon``):
a conflict cue makes it hostile, a cooperation cue cooperative (conflict wins
when both occur: "cut ties", "support sanctions against"). Without a cue the
sentence classifier decides, and only when it is confident. Links are then
aggregated per (source, target): the label with the largest summed
confidence wins and its best sentence is the evidence.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from consumers.nlp.lexicon import cue_of, is_negated
from consumers.nlp.quadclass import Valence, ValenceScore
from consumers.nlp.resolve import Resolution, same_side, sides
from consumers.nlp.roles import RoleLink
from schemas import EntityType, Evidence, StanceRelation, TextField

CLASSIFIER_MIN = 0.6
CLAUSE_DEPS = {"dobj", "acomp", "attr", "xcomp", "oprd"}


@dataclass(frozen=True, slots=True)
class Scored:
    """A role link with its label and confidence."""

    link: RoleLink
    stance: Valence
    confidence: float


def expand_affiliations(links: Sequence[RoleLink], resolution: Resolution) -> list[RoleLink]:
    """A person speaking for a country also gives that country's stance (``speaker`` = the person)."""
    result = list(links)
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


def score(link: RoleLink, valence: ValenceScore) -> Scored | None:
    """Label one link; None when neither the cues nor a confident classifier say anything."""
    cue = cue_label(link)
    polar = valence.cooperative + valence.hostile
    if cue is not None:
        share = (valence.cooperative if cue == "cooperative" else valence.hostile) / polar if polar > 0 else 0.5
        return Scored(link, cue, round(0.6 + 0.35 * share, 4))
    if link.needs_cue:
        return None
    label = valence.label
    probability = {"cooperative": valence.cooperative, "hostile": valence.hostile}.get(label, 0.0)
    if label == "neutral" or probability < CLASSIFIER_MIN:
        return None
    return Scored(link, label, round(0.8 * probability, 4))


def evidence_of(sentence: Span, field: TextField) -> Evidence:
    """The sentence, whitespace trimmed, with its offsets in the field."""
    raw = sentence.text
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sentence.start_char + lead
    return Evidence(text=text, field=field, start=start, end=start + len(text))


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
                evidence=evidence_of(best.link.sentence, field),
                speaker=best.link.speaker,
            )
        )
    return relations
