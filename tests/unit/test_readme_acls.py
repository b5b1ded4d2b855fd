"""The README's ACL table names the topics and consumer groups the components really use."""

import re
from pathlib import Path

import pytest

from consumers.settings import AlertSettings, SinkSettings, TopicSettings, WorkerSettings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
TOPICS = TopicSettings()


def _row(component: str) -> list[str]:
    [line] = [line for line in README.splitlines() if line.startswith(f"| {component} (")]
    return [cell.strip() for cell in line.strip("|").split("|")]


def _names(cell: str) -> set[str]:
    return set(re.findall(r"`([<a-z][a-z0-9.<>-]+)`", cell))


@pytest.mark.parametrize(
    ("component", "reads", "writes", "group"),
    [
        ("worker", {"raw"}, {"enriched", "stance", "alerts", "dlq"}, WorkerSettings().group_id),
        ("sink", {"enriched", "stance"}, set(), SinkSettings().group_id),
        ("escalation alerts", {"stance"}, {"alerts"}, f"<prefix>{AlertSettings().app_id}"),
        ("replay", {"raw"}, set(), f"{WorkerSettings().group_id}-replay"),
    ],
)
def test_each_component_row_names_its_topics_and_group(
    component: str, reads: set[str], writes: set[str], group: str
) -> None:
    _, topics, groups, _ = _row(component)
    read_part, _, write_part = topics.partition("`Write`")
    assert {TOPICS.name(kind) for kind in reads} <= _names(read_part)
    assert {TOPICS.name(kind) for kind in writes} <= _names(write_part)
    assert group in _names(groups)


def test_the_transactional_id_prefix_is_the_worker_group() -> None:
    *_, other = _row("worker")
    assert f"`{WorkerSettings().group_id}-`" in other
