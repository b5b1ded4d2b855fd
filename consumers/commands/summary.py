"""A readable summary of what is on the output topics (used by the demo)."""

from rich.console import Console
from rich.table import Table

from consumers.kafka.reader import read_to_end
from consumers.settings import Settings
from schemas import Alert, DeadLetter, EnrichedArticle, decode
from schemas.topics import OUTPUT_KINDS


async def print_summary(settings: Settings, console: Console) -> None:
    """Print enriched articles (entities, stances), alerts and dead letters."""
    names = {kind: settings.topics.name(kind) for kind in OUTPUT_KINDS}
    records = await read_to_end(settings.kafka, list(names.values()))
    for record in records[names["enriched"]]:
        assert record.value is not None  # noqa: S101 - we only publish enriched articles with a value
        article = decode(EnrichedArticle, record.value)
        console.rule(f"[bold]{article.title}[/] ({article.id})")
        entities = Table("entity", "type", "id", "mentions", title="Entities", title_justify="left")
        for entity in sorted(article.entities, key=lambda e: -len(e.mentions)):
            entities.add_row(entity.name, entity.type.value, entity.id, str(len(entity.mentions)))
        console.print(entities)
        stances = Table("source", "event", "target", "evidence", title="Relations", title_justify="left")
        for relation in article.stances:
            colour = {"cooperative": "green", "hostile": "red", "neutral": "yellow"}[relation.stance]
            event = relation.event.value if relation.event is not None else relation.stance
            source = (
                f"{relation.source_name} ({relation.source_sector})" if relation.source_sector else relation.source_name
            )
            target = (
                f"{relation.target_name} ({relation.target_sector})" if relation.target_sector else relation.target_name
            )
            stances.add_row(source, f"[{colour}]{event}[/]", target, relation.evidence.text)
        console.print(stances)
    console.rule("[bold]Alerts")
    for record in records[names["alerts"]]:
        assert record.value is not None  # noqa: S101
        alert = decode(Alert, record.value)
        console.print(f"[bold red]{alert.severity.value}[/] {alert.rule_id}: {alert.summary}")
    console.rule("[bold]Dead letters")
    for record in records[names["dlq"]]:
        letter = DeadLetter.from_record(record.key, record.value, list(record.headers))
        console.print(
            f"{letter.source_topic}/{letter.source_partition}@{letter.source_offset} "
            f"[bold]{letter.error_class}[/]: {letter.reason}"
        )
    console.print(
        f"\n{len(records[names['enriched']])} enriched, {len(records[names['stance']])} stance events, "
        f"{len(records[names['alerts']])} alerts, {len(records[names['dlq']])} dead letters"
    )
