"""Reproduce every shipped model from the labelled data: ``python -m consumers.nlp.training.train``.

Trains, in order, the target-dependent stance adapters (NewsMTSC) and the
quad-class head (UN sentences), each seeded, on 2 CPU threads by default, and
prints each model's scores and the total wall time. The data directory is
``--data-dir``, else ``STANCEWIRE_DATA_DIR``, else ``shared/data`` beside the
repository (``consumers.datasets``); every file is checked before training
starts, so a missing one is one line and exit status 2, not a traceback.
"""

import argparse
import sys
import time
from pathlib import Path

from consumers.datasets import NEWSMTSC, QUADCLASS, MissingData, data_dir, newsmtsc_dev_files, require
from consumers.nlp.training import train_quadclass, train_target_stance


def main(argv: list[str] | None = None) -> None:
    """Train both models from the data directory (``newsmtsc/`` and ``unpc_quadclass/``)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data-dir", "--data", dest="data", type=Path, help="default: STANCEWIRE_DATA_DIR, else ../shared/data"
    )
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    root = data_dir(args.data)
    newsmtsc, quad_file = root / NEWSMTSC, root / QUADCLASS
    try:
        require([newsmtsc / "train.jsonl", *newsmtsc_dev_files(root), quad_file])
    except MissingData as error:
        print(f"train: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    started = time.perf_counter()
    threads = ["--threads", str(args.threads)]
    train_target_stance.main(["--data", str(newsmtsc), *threads])
    train_quadclass.main(["--data", str(quad_file), *threads])
    print(f"all models trained in {(time.perf_counter() - started) / 60:.1f} min")


if __name__ == "__main__":
    main()
