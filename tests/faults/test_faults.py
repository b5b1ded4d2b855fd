"""Every message ends up enriched or dead-lettered, whatever fails (see report.py for the table)."""

import signal
from collections.abc import Iterator

import pytest

from tests.faults import scenarios
from tests.faults.harness import (
    Broker,
    good_messages,
    prepare,
    running_broker,
    scenario_settings,
    wait_for_commits,
    worker_process,
)
from tests.integration.conftest import free_port_block

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Broker]:
    """A broker of these tests' own: one scenario stops and restarts it."""
    with running_broker(free_port_block(), tmp_path_factory.mktemp("fault-kafka")) as running:
        yield running


def test_sigkill_mid_batch_loses_nothing(broker: Broker) -> None:
    row = scenarios.sigkill_mid_batch(broker)
    assert row.lost == 0 and row.enriched == row.produced


def test_broker_restart_loses_nothing(broker: Broker) -> None:
    row = scenarios.broker_restart(broker)
    assert row.lost == 0 and row.enriched == row.produced


def test_rebalances_lose_nothing(broker: Broker) -> None:
    row = scenarios.rebalances(broker)
    assert row.lost == 0 and row.enriched == row.produced


def test_bad_inputs_are_dead_lettered_and_good_ones_enriched(broker: Broker) -> None:
    row = scenarios.bad_inputs(broker)
    assert row.lost == 0 and row.duplicated == 0
    assert row.enriched == 1000 and row.dead_lettered == 1000


def test_poison_pills_are_dead_lettered_and_the_partition_goes_on(broker: Broker) -> None:
    row = scenarios.poison_pills(broker)
    assert row.lost == 0 and row.duplicated == 0
    assert row.enriched == 1000 and row.dead_lettered == 41


def test_exactly_once_under_sigkill_has_no_duplicates(broker: Broker) -> None:
    row = scenarios.sigkill_mid_batch(broker, exactly_once=True)
    assert row.lost == 0 and row.duplicated == 0 and row.enriched == row.produced


def test_exactly_once_fences_a_resumed_zombie(broker: Broker) -> None:
    row = scenarios.exactly_once_zombie(broker)
    assert row.lost == 0 and row.duplicated == 0 and row.enriched == row.produced


def test_slow_articles_with_the_real_models_and_a_takeover_lose_nothing(broker: Broker) -> None:
    row = scenarios.slow_articles_and_a_takeover(broker)
    assert row.lost == 0
    assert row.dead_lettered == 4  # the articles past their time budget, and no other


def test_sigterm_with_the_broker_away_still_stops_the_worker(broker: Broker) -> None:
    settings = scenario_settings(broker)
    prepare(settings, good_messages(50))
    worker = worker_process(settings, extra_env={"STANCEWIRE_WORKER__SHUTDOWN_TIMEOUT_S": "5"})
    wait_for_commits(settings, worker, at_least=50)
    broker.stop()
    try:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)  # drain, then give up on the unreachable broker instead of hanging
    finally:
        broker.start()
    assert worker.returncode == 0, worker.log_tail()
