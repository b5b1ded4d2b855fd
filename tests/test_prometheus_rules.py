"""The Prometheus alert rules: valid for promtool, unit-tested by it, and on metrics the worker exports."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from prometheus_client import REGISTRY

import consumers.runtime.metrics  # noqa: F401 - registers the worker's metrics

PROMETHEUS = Path(__file__).resolve().parents[1] / "docker" / "prometheus"
RULES, RULE_TESTS = PROMETHEUS / "stancewire-rules.yaml", PROMETHEUS / "stancewire-rules.test.yaml"
ALERTS = {
    "StancewireConsumerLagGrowing",
    "StancewireDeadLetterRatioHigh",
    "StancewireNoProgress",
    "StancewireEndToEndLatencyHigh",
    "StancewireWorkerDown",
    "StancewireWorkersAbsent",
}
needs_promtool = pytest.mark.skipif(
    shutil.which("promtool") is None, reason="promtool not installed (Debian package `prometheus`; .ci/run adds it)"
)


def _promtool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["promtool", *args], cwd=PROMETHEUS, capture_output=True, text=True, timeout=120, check=False)


@needs_promtool
def test_promtool_accepts_the_rules() -> None:
    result = _promtool("check", "rules", RULES.name)
    assert result.returncode == 0, result.stdout + result.stderr


@needs_promtool
def test_the_rules_unit_tests_pass() -> None:
    result = _promtool("test", "rules", RULE_TESTS.name)
    assert result.returncode == 0, result.stdout + result.stderr


@needs_promtool
def test_a_broken_rule_fails_its_unit_test(tmp_path: Path) -> None:
    (tmp_path / RULES.name).write_text(
        RULES.read_text().replace("dead_letter_ratio:rate10m > 0.05", "dead_letter_ratio:rate10m > 0.5")
    )
    (tmp_path / RULE_TESTS.name).write_text(RULE_TESTS.read_text())
    result = subprocess.run(
        ["promtool", "test", "rules", RULE_TESTS.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0 and "StancewireDeadLetterRatioHigh" in result.stdout + result.stderr


def _rules() -> list[dict[str, str]]:
    return [rule for group in yaml.safe_load(RULES.read_text())["groups"] for rule in group["rules"]]


def test_every_alert_named_in_the_runbook_exists_and_is_unit_tested() -> None:
    alerts = {rule["alert"] for rule in _rules() if "alert" in rule}
    assert alerts == ALERTS
    tested = {
        test["alertname"]
        for case in yaml.safe_load(RULE_TESTS.read_text())["tests"]
        for test in case.get("alert_rule_test", [])
    }
    assert tested == ALERTS


def _exported() -> set[str]:
    """Every sample name the worker's metrics produce (``_total``, ``_bucket``, ... included)."""
    names = set()
    for collector in REGISTRY.collect():
        names |= {sample.name for sample in collector.samples}
        if collector.type == "histogram":
            names |= {f"{collector.name}{suffix}" for suffix in ("_bucket", "_sum", "_count")}
        if collector.type == "gauge":
            names.add(collector.name)
        if collector.type == "counter":
            names.add(f"{collector.name}_total")
    return names


def test_the_rules_use_only_metrics_the_worker_exports() -> None:
    used = {name for rule in _rules() for name in re.findall(r"\bstancewire_[a-z_]+", rule["expr"])}
    assert used and used <= _exported(), used - _exported()
