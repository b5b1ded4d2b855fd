"""The Grafana dashboard: every panel's query parses (promtool) and reads only metrics the worker exports."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.test_prometheus_rules import _exported

DASHBOARD = json.loads(
    (Path(__file__).resolve().parents[1] / "docker" / "grafana" / "stancewire-dashboard.json").read_text()
)
PANELS = DASHBOARD["panels"]
EXPRESSIONS = [target["expr"] for panel in PANELS for target in panel["targets"]]


def test_the_dashboard_shows_what_operators_watch() -> None:
    titles = " ".join(panel["title"].lower() for panel in PANELS)
    for subject in ("throughput", "lag per partition", "dead letters by reason", "latency", "batch size", "inference"):
        assert subject in titles, subject
    assert len({panel["id"] for panel in PANELS}) == len(PANELS)
    assert all(panel["targets"] for panel in PANELS)


def test_every_query_reads_only_metrics_the_worker_exports() -> None:
    used = {name for expr in EXPRESSIONS for name in re.findall(r"\bstancewire_[a-z_]+", expr)}
    assert used and used <= _exported(), used - _exported()


def test_panels_do_not_overlap() -> None:
    cells = set()
    for panel in PANELS:
        box = panel["gridPos"]
        mine = {(x, y) for x in range(box["x"], box["x"] + box["w"]) for y in range(box["y"], box["y"] + box["h"])}
        assert not cells & mine, panel["title"]
        cells |= mine


@pytest.mark.skipif(shutil.which("promtool") is None, reason="promtool not installed (.ci/run adds it)")
def test_every_query_is_valid_promql(tmp_path: Path) -> None:
    rules = [{"record": f"dashboard:query{n}", "expr": expr} for n, expr in enumerate(EXPRESSIONS)]
    path = tmp_path / "dashboard-queries.yaml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    result = subprocess.run(["promtool", "check", "rules", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
