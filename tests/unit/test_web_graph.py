"""The stance map's queries: filters, the aggregated graph, an edge's evidence, a pair's trend."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import orjson

from consumers.apps.web.articles import parse_document
from consumers.apps.web.graph import Filters, evidence, graph, trend
from consumers.apps.web.relations import Relation, entity_kind, from_event, name_spans
from schemas import encode
from tests.factories import enriched_article, relation, stance_event

NOW = datetime(2026, 4, 10, 12, tzinfo=UTC)


def made(source: str, target: str, stance: str, days_ago: float = 0, **changes: object) -> Relation:
    event = stance_event(f"{source}-{target}-{days_ago}", source, target, stance, NOW - timedelta(days=days_ago))  # type: ignore[arg-type]
    return replace(from_event(event, 0), **changes)  # type: ignore[arg-type]


def test_kinds_come_from_the_id_prefix_else_the_entity_type() -> None:
    assert [entity_kind(i) for i in ("country:CHN", "bloc:west", "org:nato", "person:x", "misc")] == [
        "country",
        "country",
        "organisation",
        "person",
        "other",
    ]
    assert entity_kind("sergei", "PERSON") == "person"


def test_windows_and_custom_dates() -> None:
    assert Filters.from_query({"window": "day"}, NOW).since == NOW - timedelta(days=1)
    custom = Filters.from_query({"window": "custom", "from": "2026-04-01", "to": "2026-04-02"}, NOW)
    assert (custom.since, custom.until) == (datetime(2026, 4, 1, tzinfo=UTC), datetime(2026, 4, 3, tzinfo=UTC))
    assert Filters.from_query({"window": "custom", "from": "not a date"}, NOW).since == Filters().since


def test_graph_counts_relations_per_directed_edge_and_stance() -> None:
    relations = [
        made("country:CHN", "country:USA", "cooperative"),
        made("country:CHN", "country:USA", "cooperative", 1, event="cooperate"),
        made("country:RUS", "bloc:west", "hostile", sectors=("military",)),
    ]
    found = graph(relations, Filters())
    assert [(n["id"], n["count"], n["kind"]) for n in found["nodes"]] == [
        ("bloc:west", 1, "country"),
        ("country:CHN", 2, "country"),
        ("country:RUS", 1, "country"),
        ("country:USA", 2, "country"),
    ]
    assert [(e["id"], e["count"], e["events"]) for e in found["edges"]] == [
        ("country:CHN|country:USA|cooperative", 2, {"unspecified": 1, "cooperate": 1}),
        ("country:RUS|bloc:west|hostile", 1, {"unspecified": 1}),
    ]
    assert found["facets"] == {"events": ["cooperate"], "sectors": ["military"], "outlets": []}


def test_filters_narrow_the_graph_but_keep_every_choice() -> None:
    relations = [made("country:CHN", "country:USA", "cooperative"), made("country:RUS", "bloc:west", "hostile")]
    for filters in (Filters(entity="russ"), Filters(node="bloc:west"), Filters(entity="the west")):
        assert [e["id"] for e in graph(relations, filters)["edges"]] == ["country:RUS|bloc:west|hostile"]
    assert graph(relations, Filters(outlet="nowhere"))["edges"] == []


def test_an_edge_lists_its_relations_newest_first() -> None:
    relations = [made("country:CHN", "country:USA", "cooperative", days) for days in (3, 1, 2)]
    relations.append(made("country:USA", "country:CHN", "cooperative"))
    listed = evidence(relations, Filters(), "country:CHN", "country:USA", "cooperative")
    assert [item["time"][:10] for item in listed] == ["2026-04-09", "2026-04-08", "2026-04-07"]


def test_a_pair_trend_counts_both_directions_per_day() -> None:
    relations = [
        made("country:CHN", "country:USA", "cooperative", 1),
        made("country:USA", "country:CHN", "hostile", 1),
        made("country:USA", "country:CHN", "hostile", 0),
        made("country:RUS", "country:CHN", "hostile", 0),
    ]
    assert trend(relations, "country:CHN", "country:USA", ["2026-04-10"]) == {
        "days": [
            {"day": "2026-04-09", "cooperative": 1, "hostile": 1},
            {"day": "2026-04-10", "cooperative": 0, "hostile": 1},
        ],
        "alerts": ["2026-04-10"],
    }


def test_highlights_are_the_mentions_inside_the_evidence_sentence() -> None:
    sentence = "Later, China praised the United States."
    article = enriched_article("a1", [relation("country:CHN", "country:USA", "cooperative", sentence)])
    document = orjson.loads(encode(article))
    document["stances"][0]["evidence"].update(start=10, end=10 + len(sentence))
    document["entities"][0]["mentions"] = [{"text": "China", "field": "body", "start": 17, "end": 22}]
    document["entities"][1]["mentions"] = [{"text": "United States", "field": "body", "start": 35, "end": 48}]
    coding = parse_document(orjson.dumps(document).decode()).codings[("country:CHN", "country:USA")]
    assert coding.highlights == ((7, 12), (25, 38))
    assert name_spans(sentence, ("china", "United States")) == ((7, 12), (25, 38))
