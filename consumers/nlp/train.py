"""Reproduce every shipped model from the labelled data: ``python -m consumers.nlp.train``.

Trains, in order, the target-dependent stance adapters (NewsMTSC) and the
quad-class head (UN sentences), each seeded, on 2 CPU threads by default, and
prints each model's scores and the total wall time. Data default to
``../shared/data/`` relative to the repository root (the working directory).
"""

import argparse
import time
from pathlib import Path

from consumers.nlp import train_quadclass, train_target_stance
from consumers.nlp.newsmtsc import DEFAULT_DIR


def main(argv: list[str] | None = None) -> None:
    """Train both models; ``--data`` is the directory holding ``newsmtsc/`` and ``unpc_quadclass/``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DIR.parent)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    threads = ["--threads", str(args.threads)]
    train_target_stance.main(["--data", str(args.data / "newsmtsc"), *threads])
    quad_file = args.data / "unpc_quadclass" / train_quadclass.DEFAULT_DATA.name
    train_quadclass.main(["--data", str(quad_file), *threads])
    print(f"all models trained in {(time.perf_counter() - started) / 60:.1f} min")


if __name__ == "__main__":
    main()
