"""The page's queries over relations: filters, the aggregated graph, one edge's evidence, a pair's trend."""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from consumers.apps.web.relations import Relation

FAR_PAST = datetime(1970, 1, 1, tzinfo=UTC)
FAR_FUTURE = datetime(9999, 12, 31, tzinfo=UTC)
_WINDOWS = {"hour": timedelta(hours=1), "day": timedelta(days=1), "week": timedelta(weeks=1)}
EVIDENCE_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Filters:
    """What the page's controls (and its URL) ask for."""

    since: datetime = FAR_PAST
    until: datetime = FAR_FUTURE
    entity: str = ""
    event: str = ""
    sector: str = ""
    outlet: str = ""
    node: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, str], now: datetime) -> "Filters":
        """``window`` (all, hour, day, week, custom with ``from``/``to`` dates) and the text filters."""
        since, until = FAR_PAST, FAR_FUTURE
        window = query.get("window", "all")
        if window in _WINDOWS:
            since = now - _WINDOWS[window]
        elif window == "custom":
            since = _date(query.get("from"), FAR_PAST)
            until = _date(query.get("to"), FAR_FUTURE - timedelta(days=1)) + timedelta(days=1)
        return cls(
            since=since,
            until=until,
            entity=query.get("q", "").strip().lower(),
            event=query.get("event", ""),
            sector=query.get("sector", ""),
            outlet=query.get("outlet", ""),
            node=query.get("node", ""),
        )

    def keeps(self, relation: Relation) -> bool:
        """Whether the relation passes every filter but the time window (the store applies that)."""
        names = (relation.source, relation.source_name, relation.target, relation.target_name)
        return (
            (not self.entity or any(self.entity in name.lower() for name in names))
            and (not self.event or relation.event == self.event)
            and (not self.sector or self.sector in relation.sectors)
            and (not self.outlet or relation.outlet == self.outlet)
            and (not self.node or self.node in (relation.source, relation.target))
        )


def _date(text: str | None, default: datetime) -> datetime:
    """A ``YYYY-MM-DD`` bound (UTC); anything else means unbounded."""
    try:
        return datetime.strptime(text or "", "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        return default


def graph(relations: Iterable[Relation], filters: Filters) -> dict[str, Any]:
    """Nodes sized by relations, edges per (source, target, stance) weighted by count, and the filter choices."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    facets: dict[str, set[str]] = {"events": set(), "sectors": set(), "outlets": set()}
    for relation in relations:
        facets["events"].update([relation.event] if relation.event else [])
        facets["sectors"].update(relation.sectors)
        facets["outlets"].update([relation.outlet] if relation.outlet else [])
        if not filters.keeps(relation):
            continue
        for entity, name, kind in (
            (relation.source, relation.source_name, relation.source_kind),
            (relation.target, relation.target_name, relation.target_kind),
        ):
            node = nodes.setdefault(entity, {"id": entity, "name": name, "kind": kind, "count": 0})
            node["count"] += 1
        key = (relation.source, relation.target, relation.stance)
        edge = edges.setdefault(key, {"source": key[0], "target": key[1], "stance": key[2], "events": Counter()})
        edge["events"][relation.event or "unspecified"] += 1
    return {
        "nodes": sorted(nodes.values(), key=lambda node: node["id"]),
        "edges": [
            {**edge, "id": "|".join(key), "count": edge["events"].total(), "events": dict(edge["events"])}
            for key, edge in sorted(edges.items())
        ],
        "facets": {name: sorted(values) for name, values in facets.items()},
    }


def evidence(relations: Iterable[Relation], filters: Filters, source: str, target: str, stance: str) -> list[Any]:
    """One edge's relations, newest first, with their evidence (at most ``EVIDENCE_LIMIT``)."""
    chosen = [r for r in relations if (r.source, r.target, r.stance) == (source, target, stance) and filters.keeps(r)]
    chosen.sort(key=lambda r: r.time, reverse=True)
    return [r.as_json() for r in chosen[:EVIDENCE_LIMIT]]


def trend(relations: Iterable[Relation], a: str, b: str, alert_days: Iterable[str]) -> dict[str, Any]:
    """Per day, cooperative and hostile relations between ``a`` and ``b`` (either direction); alert days marked."""
    days: dict[str, Counter[str]] = {}
    for relation in relations:
        if {relation.source, relation.target} == {a, b}:
            days.setdefault(relation.time.date().isoformat(), Counter())[relation.stance] += 1
    return {
        "days": [
            {"day": day, "cooperative": counts["cooperative"], "hostile": counts["hostile"]}
            for day, counts in sorted(days.items())
        ],
        "alerts": sorted(set(alert_days)),
    }
