"""The labelled data is found in one place, and its absence stops eval and training with one clear line."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consumers.datasets import DEFAULT_DATA_DIR, QUADCLASS, MissingData, data_dir, newsmtsc_dev_files, require
from consumers.nlp.training.event_tables import SOURCE_FILES

ROOT = Path(__file__).resolve().parents[2]


def test_the_flag_wins_over_the_variable_which_wins_over_the_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("STANCEWIRE_DATA_DIR", raising=False)
    assert data_dir() == DEFAULT_DATA_DIR == ROOT.parent / "shared" / "data"
    monkeypatch.setenv("STANCEWIRE_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path
    assert data_dir(tmp_path / "other") == tmp_path / "other"


def test_the_default_does_not_depend_on_the_working_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("STANCEWIRE_DATA_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert data_dir().is_absolute() and data_dir() == DEFAULT_DATA_DIR


def test_require_names_every_missing_file_and_the_setting(tmp_path: Path) -> None:
    (tmp_path / "unpc_quadclass").mkdir()
    (tmp_path / QUADCLASS).write_text("en\tQuadClass\n")
    with pytest.raises(MissingData) as raised:
        require([*newsmtsc_dev_files(tmp_path), tmp_path / QUADCLASS])
    message = str(raised.value)
    assert str(tmp_path / "newsmtsc" / "dev_rw.jsonl") in message and "dev_mt.jsonl" in message
    assert "en_annotations" not in message and "STANCEWIRE_DATA_DIR" in message
    require([tmp_path / QUADCLASS])


def _run(*command: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("STANCEWIRE_")}
    if data_dir is not None:
        env["STANCEWIRE_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, *command],
        env={**env, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _one_line_naming(result: subprocess.CompletedProcess[str], prefix: str, missing: Path) -> None:
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(prefix) and str(missing) in line and "STANCEWIRE_DATA_DIR" in line


def test_eval_without_its_data_exits_2_before_loading_models(tmp_path: Path) -> None:
    result = _run("-m", "consumers.commands.cli", "eval", "--data-dir", str(tmp_path))
    _one_line_naming(result, "stancewire: MissingData: not found: ", tmp_path / "newsmtsc" / "dev_rw.jsonl")
    assert result.stdout == ""


def test_training_reads_the_data_directory_setting_and_stops_without_data(tmp_path: Path) -> None:
    result = _run("-m", "consumers.nlp.training.train", data_dir=tmp_path)
    _one_line_naming(result, "train: not found: ", tmp_path / "newsmtsc" / "train.jsonl")


def test_event_tables_without_the_dictionaries_exit_2(tmp_path: Path) -> None:
    (tmp_path / "event_dictionaries").mkdir()
    result = _run("-m", "consumers.nlp.training.event_tables", "--out", str(tmp_path / "out"), data_dir=tmp_path)
    _one_line_naming(result, "event tables: not found: ", tmp_path / "event_dictionaries" / "CAMEO.2.0.txt")
    assert not (tmp_path / "out").exists()


PREPARE = ROOT / "docker" / "prepare-data.sh"


def _pinned() -> dict[str, str]:
    """Destination → SHA-256 of every ``fetch`` line of the preparation script."""
    lines = [line.split() for line in PREPARE.read_text().splitlines() if line.startswith("fetch ")]
    return {fields[4]: fields[5] for fields in lines}


def test_the_preparation_script_fetches_every_file_eval_and_training_read() -> None:
    assert subprocess.run(["bash", "-n", str(PREPARE)], check=False).returncode == 0
    needed = {str(path.relative_to(DEFAULT_DATA_DIR)) for path in newsmtsc_dev_files(DEFAULT_DATA_DIR)}
    needed |= {"newsmtsc/train.jsonl", str(QUADCLASS)}
    needed |= {f"event_dictionaries/{name}" for name in SOURCE_FILES}
    assert set(_pinned()) == needed


@pytest.mark.skipif(not DEFAULT_DATA_DIR.is_dir(), reason=f"no data at {DEFAULT_DATA_DIR}")
def test_the_pinned_checksums_are_those_of_the_data_in_use() -> None:
    for destination, expected in _pinned().items():
        assert hashlib.sha256((DEFAULT_DATA_DIR / destination).read_bytes()).hexdigest() == expected, destination
