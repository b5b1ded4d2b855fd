"""The subscribers' fault drills: every record stored or dead-lettered, every event counted once, no alert lost."""

import os
from collections.abc import Iterator

import pytest

from tests.faults import app_scenarios
from tests.faults.harness import Broker, running_broker
from tests.integration.conftest import free_port_block
from tests.integration.postgres import server_bin

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Broker]:
    with running_broker(free_port_block(), tmp_path_factory.mktemp("app-fault-kafka")) as running:
        yield running


def test_the_sink_stores_or_dead_letters_every_record_through_poison_and_lost_connections(broker: Broker) -> None:
    if server_bin() is None:  # as tests/integration/postgres.py: a failure in CI, skipped elsewhere
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL server binaries are missing")
        pytest.skip("PostgreSQL server binaries not found (Debian: apt-get install postgresql)")
    row = app_scenarios.sink_poison_and_lost_connections(broker, articles=100, poison=5, drops=2)
    assert row.produced == 100 * 3 + 5 * 2 * 2 + 5
    assert (row.enriched, row.dead_lettered, row.duplicated, row.lost) == (300 + 10, 15, 0, 0)


def test_the_escalation_app_sigkilled_mid_window_counts_every_event_once_and_loses_no_alert(broker: Broker) -> None:
    row = app_scenarios.escalation_sigkill_mid_window(broker, per_pair=100, future=5, kills=2)
    assert row.produced == 3 * 101 + 5 and row.dead_lettered == 5, "the events dated 9999 are rejected"
    assert row.enriched == 3 * 101 and row.lost == 0
