"""The command-line options every model trainer takes, so each script names them the same way."""

import argparse
from pathlib import Path


def trainer_parser(description: str | None, *, data: Path, out: Path) -> argparse.ArgumentParser:
    """A parser with ``--data``, ``--out``, ``--encoder`` and ``--threads``; a trainer adds its own options."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=data)
    parser.add_argument("--out", type=Path, default=out)
    parser.add_argument("--encoder", default=None, help="encoder name or path (default: bundled MiniLM)")
    parser.add_argument("--threads", type=int, default=2)
    return parser
