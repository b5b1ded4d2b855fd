"""Where the exported ONNX models live: one directory per model and hash of the weights it came from.

The key covers the bytes of the source weights (the target-stance adapters
and the encoder's files) and the export format, so retraining, another
encoder or a changed export gets a fresh directory and a stale export is
never read. A missing export is built once, in a child process
(``python -m consumers.nlp.onnx_export``): the exporter's traced graphs
then never count toward the worker's peak memory. Each export is written
to a temporary directory and renamed into place, so workers starting
together never read a half-written one.
"""

import hashlib
import importlib.util
import logging
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Literal

from consumers.errors import ConfigurationError

DEFAULT_ONNX_DIR = Path.home() / ".cache" / "stancewire" / "onnx"
EXPORT_FORMAT = "3"  # bump when the export changes (opset, quantisation), so old exports are not reused
MODEL_FILE = "model.onnx"
Kind = Literal["encoder", "target-stance"]
KINDS: tuple[Kind, ...] = ("encoder", "target-stance")

log = logging.getLogger(__name__)


def _file_digest(path: Path) -> bytes:
    """SHA-256 of the file's name and bytes, read in chunks (the encoder weights are ~90 MB)."""
    digest = hashlib.sha256(path.name.encode())
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.digest()


def _encoder_source(name: str) -> Path | str:
    """The encoder's local directory, or (a hub id) the name with its cached revision."""
    if Path(name).is_dir():
        return Path(name)
    from huggingface_hub import hf_hub_download

    config = hf_hub_download(name, "config.json")  # .../snapshots/<revision>/config.json, as transformers caches it
    return f"{name}@{Path(config).parent.name}"


def source_key(kind: Kind, encoder: str, weights: Path | None = None) -> str:
    """Hex digest of everything the export of ``kind`` depends on."""
    digest = hashlib.sha256(f"{kind}:{EXPORT_FORMAT}".encode())
    source = _encoder_source(encoder)
    if isinstance(source, Path):
        for path in sorted(p for p in source.iterdir() if p.is_file()):
            digest.update(_file_digest(path))
    else:
        digest.update(source.encode())
    if kind == "target-stance":
        if weights is None:
            raise ValueError("the target-stance export needs the weights file")
        digest.update(_file_digest(weights))
    return digest.hexdigest()


def export_dir(root: Path, kind: Kind, key: str) -> Path:
    """The directory of one export (a short key prefix keeps paths readable)."""
    return root / f"{kind}-{key[:16]}"


def publish(temporary: Path, target: Path) -> None:
    """Move a finished export into place; if another process won the race, keep its copy."""
    try:
        temporary.rename(target)
    except OSError:
        if not (target / MODEL_FILE).exists():
            raise
        shutil.rmtree(temporary, ignore_errors=True)


def is_exported(kind: Kind, encoder: str, weights: Path | None = None, root: Path | None = None) -> bool:
    """Whether the cache holds the export of ``kind`` for these weights."""
    return (export_dir(root or DEFAULT_ONNX_DIR, kind, source_key(kind, encoder, weights)) / MODEL_FILE).exists()


def ensure_exported(kind: Kind, encoder: str, weights: Path | None = None, root: Path | None = None) -> Path:
    """The model file of ``kind``, exported first (in a child process) if the cache lacks it."""
    root = root or DEFAULT_ONNX_DIR
    target = export_dir(root, kind, source_key(kind, encoder, weights))
    if (target / MODEL_FILE).exists():
        return target / MODEL_FILE
    if importlib.util.find_spec("torch") is None:  # the torch-free install (the image's runtime stage)
        raise ConfigurationError(
            f"no ONNX export of the {kind} model in {root} for these weights, and this install has no torch to "
            "build one: run `python -m consumers.nlp.onnx_export --onnx-dir DIR` where stancewire[nlp] is "
            "installed and point STANCEWIRE_NLP__ONNX_DIR at DIR (the image does this when it is built)"
        )
    log.info("exporting the %s model to ONNX in %s; once per weights", kind, target)
    started = time.perf_counter()
    command = [sys.executable, "-m", "consumers.nlp.onnx_export", kind, "--encoder", encoder, "--onnx-dir", str(root)]
    if weights is not None:
        command += ["--weights", str(weights)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - our own module
    if done.returncode != 0 or not (target / MODEL_FILE).exists():
        raise RuntimeError(f"ONNX export of the {kind} model failed ({done.returncode}): {done.stderr[-2000:]}")
    log.info("exported the %s model to ONNX in %.1f s", kind, time.perf_counter() - started)
    return target / MODEL_FILE
