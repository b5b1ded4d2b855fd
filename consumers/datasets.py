"""Where eval and training find the labelled data, in one place.

One directory holds ``newsmtsc/``, ``unpc_quadclass/`` and
``event_dictionaries/`` (``docker/prepare-data.sh`` downloads them from their
public sources). It is ``--data-dir`` where a command takes it, else
``STANCEWIRE_DATA_DIR``, else ``shared/data`` beside the repository checkout
(never the working directory, so it works from anywhere). A file that is
not there is an error naming it and the setting, before any model loads:
a figure silently left out, or a traceback halfway through training, is
worse than not starting.
"""

import os
from collections.abc import Iterable
from pathlib import Path

from consumers.errors import MissingData

__all__ = [
    "DATA_DIR_VARIABLE",
    "DEFAULT_DATA_DIR",
    "EVENT_DICTIONARIES",
    "NEWSMTSC",
    "QUADCLASS",
    "MissingData",
    "data_dir",
    "newsmtsc_dev_files",
    "require",
]

DATA_DIR_VARIABLE = "STANCEWIRE_DATA_DIR"
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data"
NEWSMTSC = Path("newsmtsc")
QUADCLASS = Path("unpc_quadclass") / "en_annotations_quad_multiclass.tsv"
EVENT_DICTIONARIES = Path("event_dictionaries")


def data_dir(explicit: Path | None = None) -> Path:
    """The data directory: ``explicit`` (a ``--data-dir``), else ``STANCEWIRE_DATA_DIR``, else the default."""
    if explicit is not None:
        return explicit
    configured = os.environ.get(DATA_DIR_VARIABLE)
    return Path(configured) if configured else DEFAULT_DATA_DIR


def newsmtsc_dev_files(root: Path) -> tuple[Path, Path]:
    """The two NewsMTSC dev splits eval scores by default."""
    return root / NEWSMTSC / "dev_rw.jsonl", root / NEWSMTSC / "dev_mt.jsonl"


def require(paths: Iterable[Path]) -> None:
    """Raise ``MissingData`` naming every path that does not exist (and how to point at the data)."""
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise MissingData(
            f"not found: {', '.join(missing)}. Point --data-dir or {DATA_DIR_VARIABLE} at the folder holding "
            "newsmtsc/, unpc_quadclass/ and event_dictionaries/ (docker/prepare-data.sh fetches them)"
        )
