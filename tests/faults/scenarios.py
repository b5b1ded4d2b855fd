"""The fault scenarios; each returns the accounting row for its run."""

import asyncio
import random
import re
import signal
import time

import orjson

from consumers.commands.publish import RawMessage, publish
from consumers.kafka.admin import create_topics
from schemas import RawArticle
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
    publish_keyless_empty,
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
    killed = 0
    while killed < kills and feeder.is_alive():
        worker = worker_process(settings)
        wait_for_commits(settings, worker, at_least=1 + asyncio.run(committed_total(settings)))
        time.sleep(random.uniform(0.1, 1.0))  # noqa: S311 - anywhere in a batch
        kill(worker)
        killed += 1
    feeder.join_checked()
    finish(worker_process(settings, "--until-caught-up"))
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


def poison_pills(broker: Broker, good_count: int = 1000, limit: int = 200_000) -> Row:
    """Inputs that once stopped the worker on every restart, mixed into good traffic; the record limit is lowered.

    A record with neither key nor value (its dead letter must not be a
    tombstone), objects with thousands of unknown keys (reasons listing every
    one), and articles whose enriched output passes the record limit.
    """
    settings = scenario_settings(broker, batch_size=50)
    small = settings.model_copy(update={"kafka": settings.kafka.model_copy(update={"max_request_size": limit})})
    good = good_messages(good_count)
    wide = [
        RawMessage(f"wide-{n:03d}".encode(), orjson.dumps({f"unknown_{i}": "x" * 16 for i in range(5_000)}))
        for n in range(20)
    ]
    huge = [
        RawMessage(m.key.replace(b"good", b"huge"), m.value.replace(b"Officials met", b"Officials " * 20_000 + b"met"))
        for m in good_messages(20, "huge")
    ]
    bad = wide + huge
    asyncio.run(create_topics(small))  # output topics take what the lowered limit allows
    mixed = list(good)
    for n, pill in enumerate(bad):  # spread among the good ones
        mixed.insert(n * (good_count // len(bad) + 1), pill)
    asyncio.run(publish(settings, mixed))  # the raw topic keeps its own, larger limit
    asyncio.run(publish_keyless_empty(settings))
    env = {"STANCEWIRE_KAFKA__MAX_REQUEST_SIZE": str(limit), "STANCEWIRE_WORKER__MAX_BODY_CHARS": "1000000"}
    finish(worker_process(settings, "--until-caught-up", extra_env=env))
    return account("poison pills: keyless empty, 5,000 unknown keys, output over the limit", settings, good, bad, 1)


def exactly_once_zombie(broker: Broker, total: int = 3000, down_s: float = 5.0) -> Row:
    """Exactly-once with three workers joining and leaving, one SIGSTOP-ed into a zombie and resumed; a broker bounce.

    The stopped worker holds partitions (and maybe an open transaction) past
    its session timeout; the group moves its partitions and their new owners
    fence it. Resumed, it must not commit anything for them: a read_committed
    subscriber sees no duplicate.
    """
    settings = scenario_settings(broker, partitions=6, batch_size=25, delivery="exactly_once")
    good = good_messages(total)
    prepare(settings, [])
    feeder = Feeder(settings, good, per_second=total // 20)
    feeder.start()
    first = worker_process(settings)
    wait_for_commits(settings, first, at_least=1)
    zombie, third = worker_process(settings), worker_process(settings)
    time.sleep(6)
    zombie.send_signal(signal.SIGSTOP)
    time.sleep(15)  # past the 10 s session timeout: its partitions move on
    zombie.send_signal(signal.SIGCONT)
    time.sleep(3)
    kill(third, signal.SIGTERM)  # leaves cleanly
    feeder.join_checked()
    broker.stop()
    time.sleep(down_s)
    broker.start()
    for worker in (first, zombie):
        kill(worker, signal.SIGTERM)
    finish(worker_process(settings, "--until-caught-up"))
    return account("exactly-once: 3 workers, a SIGSTOP-ed zombie resumed, broker bounce", settings, good, [])


COUNTRIES = ("France", "Germany", "Italy", "Spain", "Poland", "Russia", "China", "Japan", "India", "Brazil")
VERBS = ("accused", "criticised", "praised", "threatened", "supported", "condemned")


def run_on_article(key: str, clauses: int) -> RawMessage:
    """An article of one sentence of many "X verbed Y" clauses: slow for the readers, and the slower the longer."""
    rng = random.Random(key)  # noqa: S311 - test data
    body = ", and ".join(f"{rng.choice(COUNTRIES)} {rng.choice(VERBS)} {rng.choice(COUNTRIES)}" for _ in range(clauses))
    article = RawArticle(id=key, url=f"https://example.org/{key}", title="Talks", body=body + ".", source="drill")
    return RawMessage(key.encode(), article.model_dump_json().encode())


def slow_articles_and_a_takeover(broker: Broker, good_count: int = 200) -> Row:
    """The real models on slow articles (some past their time budget); a second worker joins mid-drain.

    The slow articles come early and take minutes, so the first worker is
    reading them when the second joins: its drain outlasts the group's 10 s
    session timeout,
    and the group must wait for it (the rebalance timeout is above the drain
    bound). The articles past their budget are dead-lettered, nothing is lost.
    """
    settings = scenario_settings(broker, partitions=2, batch_size=8)
    good = good_messages(good_count)
    slow = [run_on_article(f"slow-{n:02d}", 500) for n in range(40)]  # ~14 kB: seconds each
    stuck = [run_on_article(f"stuck-{n:02d}", 3000) for n in range(4)]  # ~85 kB: past the 2 s budget
    early = [m for pair in zip(slow, stuck, strict=False) for m in pair] + slow[len(stuck) :]
    prepare(settings, good[:20] + early + good[20:])
    env = {
        "STANCEWIRE_NLP__PIPELINE": "full",
        "STANCEWIRE_NLP__TORCH_THREADS": "1",
        "STANCEWIRE_NLP__ARTICLE_TIME_BUDGET_S": "2",
        "STANCEWIRE_WORKER__MAX_IN_FLIGHT": "3",  # up to 24 slow articles in flight when the second joins
    }
    first = worker_process(settings, extra_env=env)
    wait_for_commits(settings, first, at_least=20, timeout_s=300)
    second = worker_process(settings, extra_env=env)
    wait_for_commits(settings, first, at_least=good_count + len(slow) + len(stuck), timeout_s=600)
    for worker in (first, second):
        kill(worker, signal.SIGTERM)
        if worker.returncode != 0:
            raise AssertionError(f"a worker exited with {worker.returncode}:\n{worker.log_tail()}")
    drains = re.findall(r"drained in ([0-9.]+)s", first.log_path.read_text())
    longest = max((float(d) for d in drains[:-1]), default=0.0)  # the last drain is the SIGTERM one
    scenario = f"real models: slow articles, 2nd worker joins, drain {longest:.0f}s (session timeout 10s)"
    return account(scenario, settings, good + slow, stuck)


ALL = {
    "sigkill": sigkill_mid_batch,
    "broker-restart": broker_restart,
    "rebalances": rebalances,
    "bad-inputs": bad_inputs,
    "exactly-once-sigkill": lambda broker: sigkill_mid_batch(broker, exactly_once=True),
    "poison-pills": poison_pills,
    "exactly-once-zombie": exactly_once_zombie,
    "slow-articles": slow_articles_and_a_takeover,
}
