"""From coded events to the stance relations an article publishes: one per directed pair.

The stance follows from the event type (PLOVER: cooperative for AGREE …
RETREAT, hostile for REQUEST … ASSAULT). A pair coded several times keeps its
most confident event, the earliest on ties. A person acting for a country
gives the country's relation (``speaker`` names the person) and the person's
own, so subscribers can follow either.
"""

from collections.abc import Sequence

from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.resolve import Resolution
from consumers.nlp.stance import evidence_of
from schemas import StanceRelation, quad_class_of, stance_of


def relations_of(events: Sequence[CodedEvent], resolution: Resolution) -> list[StanceRelation]:
    """One relation per (source, target), and per sector pair within one country.

    The stance with the most summed confidence wins (the one told first on
    ties), with its most confident
    event (the earliest on ties) as the relation's event and evidence.
    """
    # a domestic event keeps its sectors apart: police -> protesters is not protesters -> government
    pairs: dict[tuple[str, str, str], list[tuple[CodedEvent, str]]] = {}
    for event in events:
        sources = [(event.source.id, event.source.name)]
        if event.source.person is not None and event.source.person in resolution.entities:
            sources.append((event.source.person, resolution.entities[event.source.person].name))
        for source_id, _ in sources:
            if source_id == event.target.id and event.source.sector == event.target.sector:
                continue
            domestic = f"{event.source.sector}->{event.target.sector}" if source_id == event.target.id else ""
            pairs.setdefault((source_id, event.target.id, domestic), []).append((event, source_id))
    names = {
        event.source.person: resolution.entities[event.source.person].name
        for event in events
        if event.source.person in resolution.entities
    }
    relations: list[StanceRelation] = []
    for (source_id, target_id, _), coded in sorted(pairs.items()):
        totals: dict[str, float] = {}
        for event, _ in coded:
            totals[stance_of(event.event)] = totals.get(stance_of(event.event), 0.0) + event.confidence
        told = sorted(totals, key=lambda stance: min(e.trigger.idx for e, _ in coded if stance_of(e.event) == stance))
        winner = max(told, key=lambda stance: totals[stance])  # the stance told first on ties
        best = max((e for e, _ in coded if stance_of(e.event) == winner), key=lambda e: (e.confidence, -e.trigger.idx))
        share = totals[winner] / sum(totals.values())
        relations.append(
            StanceRelation(
                source=source_id,
                source_name=names.get(source_id, best.source.name),
                target=target_id,
                target_name=best.target.name,
                stance=stance_of(best.event),
                confidence=round(best.confidence * share, 4),
                evidence=evidence_of(best.sentence, best.field, best.trigger.idx),
                speaker=best.source.person if source_id != best.source.person else None,
                quad_class=quad_class_of(best.event),
                event=best.event,
                mode=best.mode,
                source_sector=best.source.sector,
                target_sector=best.target.sector,
            )
        )
    return relations


def merge_relations(coded: list[StanceRelation], untyped: list[StanceRelation]) -> list[StanceRelation]:
    """Coded relations, then stances expressed without an event (no ``event``) for pairs not coded."""
    taken = {(r.source, r.target) for r in coded}
    # what a speaker says of an act the sentence codes is that act, not the speaker's own stance
    coded_sentences = {(r.evidence.field, r.evidence.start) for r in coded}
    untyped = [r for r in untyped if (r.evidence.field, r.evidence.start) not in coded_sentences]
    return coded + [r for r in untyped if (r.source, r.target) not in taken]
