"""The five fault scenarios; each returns the accounting row for its run."""

import asyncio
import random
import signal
import time

from tests.faults.harness import (
    Broker,
    Feeder,
    Row,
    account,
    bad_messages,
    committed_total,
    finish,
    good_messages,
    kill,
    prepare,
    scenario_settings,
    wait_for_commits,
    worker_process,
)


def sigkill_mid_batch(broker: Broker, total: int = 3000, kills: int = 3, exactly_once: bool = False) -> Row:
    """SIGKILL the worker several times while messages flow, then let a fresh one finish."""
    settings = scenario_settings(broker, batch_size=25, delivery="exactly_once" if exactly_once else "at_least_once")
    good = good_messages(total)
    prepare(settings, [])
    feeder = Feeder(settings, good, per_second=total // 20)  # the stream flows for about 20 s
    feeder.start()
    txn_id = f"{settings.worker.group_id}-drill"  # the same id on restart fences the killed worker's transaction
    killed = 0
    while killed < kills and feeder.is_alive():
        worker = worker_process(settings, transactional_id=txn_id)
        wait_for_commits(settings, worker, at_least=1 + asyncio.run(committed_total(settings)))
        time.sleep(random.uniform(0.1, 1.0))  # noqa: S311 - anywhere in a batch
        kill(worker)
        killed += 1
    feeder.join_checked()
    finish(worker_process(settings, "--until-caught-up", transactional_id=txn_id))
    mode = "exactly-once, " if exactly_once else ""
    return account(f"{mode}SIGKILL ×{killed} mid-stream", settings, good, [])


def broker_restart(broker: Broker, total: int = 2000, down_s: float = 8.0) -> Row:
    """Stop the broker under a running worker, keep it down a while, start it again."""
    settings = scenario_settings(broker, batch_size=25)
    good = good_messages(total)
    prepare(settings, good[: total // 2])
    worker = worker_process(settings)
    wait_for_commits(settings, worker, at_least=1)
    broker.stop()
    time.sleep(down_s)
    broker.start()
    prepare(settings, good[total // 2 :])  # the rest arrives after the restart
    wait_for_commits(settings, worker, at_least=total, timeout_s=600)
    kill(worker, signal.SIGTERM)
    return account(f"broker stopped {down_s:.0f}s and restarted", settings, good, [])


def rebalances(broker: Broker, total: int = 3000) -> Row:
    """Workers join and leave a group on a 6-partition topic while messages flow."""
    settings = scenario_settings(broker, partitions=6, batch_size=25)
    good = good_messages(total)
    prepare(settings, [])
    feeder = Feeder(settings, good, per_second=200)
    feeder.start()
    first = worker_process(settings)
    wait_for_commits(settings, first, at_least=1)
    second, third = worker_process(settings), worker_process(settings)
    time.sleep(5)
    kill(second, signal.SIGTERM)  # leaves cleanly
    time.sleep(3)
    kill(third)  # dies: its partitions move once its session times out
    feeder.join_checked()
    kill(first, signal.SIGTERM)
    finish(worker_process(settings, "--until-caught-up"))
    return account("2nd and 3rd worker join, leave (TERM) and die (KILL)", settings, good, [])


def bad_inputs(broker: Broker, good_count: int = 1000, bad_count: int = 1000) -> Row:
    """Generated bad inputs mixed into good traffic: each is dead-lettered, the partition keeps going."""
    settings = scenario_settings(broker, batch_size=50)
    good, bad = good_messages(good_count), bad_messages(bad_count)
    mixed = [message for pair in zip(good, bad, strict=True) for message in pair]
    prepare(settings, mixed)
    finish(worker_process(settings, "--until-caught-up"))
    return account(f"{bad_count} generated bad inputs among {good_count} good", settings, good, bad)


ALL = {
    "sigkill": sigkill_mid_batch,
    "broker-restart": broker_restart,
    "rebalances": rebalances,
    "bad-inputs": bad_inputs,
    "exactly-once-sigkill": lambda broker: sigkill_mid_batch(broker, exactly_once=True),
}
