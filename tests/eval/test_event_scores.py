"""The event-coding scores on small hand-made fixtures (no models loaded)."""

from consumers.commands.evaluation.events import (
    DEFAULT_FILES,
    GoldEvent,
    Item,
    coded_relations,
    cooccurrence_baseline,
    first_two_baseline,
    load_items,
    score,
)
from consumers.nlp.annotator import Annotation
from schemas import Entity, EntityType, EventType, Evidence, Mention, StanceRelation, stance_of


def _relation(source: str, target: str, event: EventType, speaker: str | None = None) -> StanceRelation:
    return StanceRelation(
        source=source,
        source_name=source,
        target=target,
        target_name=target,
        stance=stance_of(event),
        confidence=0.8,
        evidence=Evidence(text="x", field="body", start=0, end=1),
        event=event,
        speaker=speaker,
        source_sector="military",
    )


def _item(*events: GoldEvent) -> Item:
    return Item("i1", "text", events, ())


def test_recall_precision_and_type_accuracy_pool_over_items() -> None:
    gold = _item(
        GoldEvent("country:TUR", "group:rebels", EventType.ASSAULT, "military", "rebels"),
        GoldEvent("country:EGY", "country:SDN", EventType.AGREE, None, None),
    )
    relations = {
        ("country:TUR", "group:rebels"): _relation("country:TUR", "group:rebels", EventType.COERCE),
        ("country:SDN", "country:EGY"): _relation("country:SDN", "country:EGY", EventType.AGREE),
    }
    predicted = {pair: str(r.stance) for pair, r in relations.items()}
    scores = score([(gold, predicted, relations)])
    assert scores.recall == 1 / 2  # TUR -> rebels found (hostile), EGY -> SDN missed (direction)
    assert scores.precision == 1 / 2  # SDN -> EGY is not coded
    assert scores.event_accuracy == 0.0  # found, but COERCE is not ASSAULT
    assert scores.sector_accuracy == 0.0  # the target's sector is missing


def test_a_persons_twin_of_a_country_relation_is_not_counted_twice() -> None:
    country = _relation("country:RUS", "bloc:west", EventType.THREATEN, speaker="person:sergei-shoigu")
    person = _relation("person:sergei-shoigu", "bloc:west", EventType.THREATEN)
    coded = coded_relations(Annotation(entities=[], stances=[country, person]))
    assert list(coded) == [("country:RUS", "bloc:west")]


def test_baselines_pair_the_actors_of_each_sentence() -> None:
    text = "Chile met Peru and Bolivia. Cuba stayed home."

    def entity(entity_id: str, name: str, start: int) -> Entity:
        mention = Mention(text=name, field="body", start=start, end=start + len(name))
        return Entity(id=entity_id, name=name, type=EntityType.GPE, mentions=[mention])

    annotation = Annotation(
        entities=[
            entity("country:CHL", "Chile", 0),
            entity("country:PER", "Peru", 10),
            entity("country:BOL", "Bolivia", 19),
            entity("country:CUB", "Cuba", 28),
        ],
        stances=[],
    )
    assert len(cooccurrence_baseline(text, annotation)) == 6  # the three of the first sentence, both ways
    assert first_two_baseline(text, annotation) == {("country:CHL", "country:PER"): "hostile"}


def test_shipped_sets_parse_with_every_event_type_covered() -> None:
    sizes = []
    for path in DEFAULT_FILES:
        items = load_items(path)
        sizes.append(len(items))
        assert len(items) >= 140
        assert {e.event for item in items for e in item.events} == set(EventType)
    assert sum(sizes) >= 300
