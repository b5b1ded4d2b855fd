"""Run every fault scenario on a fresh local broker and print the accounting table.

.venv/bin/python -m tests.faults.report [--markdown] [scenario ...]
"""

import argparse
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from tests.faults.app_scenarios import APP_SCENARIOS
from tests.faults.harness import Row, running_broker
from tests.faults.scenarios import ALL as WORKER_SCENARIOS
from tests.integration.conftest import free_port_block

ALL = {**WORKER_SCENARIOS, **APP_SCENARIOS}

COLUMNS = ("scenario", "produced", "enriched", "dead-lettered", "duplicated", "lost", "seconds")


def cells(row: Row, seconds: float) -> list[str]:
    counts = (row.produced, row.enriched, row.dead_lettered, row.duplicated, row.lost)
    return [row.scenario, *(str(n) for n in counts), f"{seconds:.0f}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table (for the README)")
    parser.add_argument("scenarios", nargs="*", help=f"any of {', '.join(ALL)} (default: all)")
    args = parser.parse_args()
    if unknown := set(args.scenarios) - set(ALL):
        parser.error(f"unknown scenarios: {', '.join(sorted(unknown))}")
    console = Console(stderr=True)
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as data_dir, running_broker(free_port_block(), Path(data_dir)) as broker:
        for name in args.scenarios or list(ALL):
            with console.status(f"running {name}…"):
                started = time.monotonic()
                row = ALL[name](broker)
            rows.append(cells(row, time.monotonic() - started))
    if args.markdown:
        print("| " + " | ".join(COLUMNS) + " |\n|" + "---|" * len(COLUMNS))
        print("\n".join("| " + " | ".join(row) + " |" for row in rows))
        return
    table = Table(*COLUMNS)
    for row in rows:
        table.add_row(*row)
    Console().print(table)


if __name__ == "__main__":
    main()
