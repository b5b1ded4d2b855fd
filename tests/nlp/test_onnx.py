"""The ONNX Runtime models: agreement with torch, the export cache, and the annotator on the seed article."""

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from consumers.nlp import onnx_cache
from consumers.nlp.embeddings import default_encoder_path
from consumers.nlp.encoder import SentenceEncoder
from consumers.nlp.onnx_cache import MODEL_FILE, ensure_exported, export_dir, publish, source_key
from consumers.nlp.onnx_models import OnnxSentenceEncoder, OnnxTargetStanceModel
from consumers.nlp.pipeline import NlpAnnotator, build_annotator
from consumers.nlp.target_items import DEFAULT_TSC_PATH, TargetItem, TargetScorer
from consumers.nlp.target_stance import TargetStanceModel
from consumers.settings import Settings
from tests.nlp.conftest import article_from_text
from tests.nlp.helpers import relation

TARGETS = ("China", "Russia", "the West", "United States", "US", "Beijing", "Washington", "Taiwan", "Ukraine")


@pytest.fixture(scope="module")
def onnx_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("onnx")


@pytest.fixture(scope="module")
def onnx_encoder(onnx_dir: Path) -> OnnxSentenceEncoder:
    return OnnxSentenceEncoder(threads=2, onnx_dir=onnx_dir)


@pytest.fixture(scope="module")
def onnx_stance(onnx_dir: Path) -> OnnxTargetStanceModel:
    return OnnxTargetStanceModel(threads=2, onnx_dir=onnx_dir)


@pytest.fixture(scope="module")
def seed_sentences(seed_text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”])\s+", seed_text) if len(s.split()) >= 4]


@pytest.fixture(scope="module")
def seed_items(seed_sentences: list[str]) -> list[TargetItem]:
    found = [(s, re.search(rf"\b{re.escape(target)}\b", s)) for s in seed_sentences for target in TARGETS]
    return [TargetItem(s, match.start(), match.end()) for s, match in found if match is not None]


def test_embeddings_agree_with_torch(onnx_encoder: OnnxSentenceEncoder, seed_sentences: list[str]) -> None:
    torch_encoder = SentenceEncoder(threads=2)
    assert onnx_encoder.dim == torch_encoder.dim
    ours, theirs = onnx_encoder.encode(seed_sentences), torch_encoder.encode(seed_sentences)
    assert ours.shape == theirs.shape == (len(seed_sentences), torch_encoder.dim)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-4)
    assert np.abs(ours - theirs).max() < 1e-4  # float weights: the same model on another runtime
    single = onnx_encoder.encode(seed_sentences[:1])  # a batch of one: the axes are dynamic
    assert np.abs(single[0] - ours[0]).max() < 1e-5  # what else is in the batch does not change a sentence
    assert onnx_encoder.encode([]).shape == (0, torch_encoder.dim)


def test_stance_agrees_with_torch(onnx_stance: OnnxTargetStanceModel, seed_items: list[TargetItem]) -> None:
    scorer: TargetScorer = onnx_stance
    torch_model = TargetStanceModel(threads=2)
    assert scorer.version == f"{torch_model.version}+onnx"
    assert len(seed_items) >= 20
    ours, theirs = scorer.probabilities(seed_items), torch_model.probabilities(seed_items)
    assert ours.shape == theirs.shape == (len(seed_items), 3)
    assert np.allclose(ours.sum(axis=1), 1.0, atol=1e-5)
    assert (ours.argmax(axis=1) == theirs.argmax(axis=1)).all()
    assert np.abs(ours - theirs).max() < 1e-4  # float weights: the same model on another runtime


@pytest.mark.usefixtures("onnx_encoder", "onnx_stance")
def test_second_load_reuses_the_cache(onnx_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = sorted(p.name for p in onnx_dir.iterdir())
    assert [name.split("-")[0] for name in before] == ["encoder", "target"]

    def no_export(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("exported again")

    monkeypatch.setattr(onnx_cache.subprocess, "run", no_export)
    OnnxSentenceEncoder(threads=1, onnx_dir=onnx_dir)
    OnnxTargetStanceModel(threads=1, onnx_dir=onnx_dir)
    assert sorted(p.name for p in onnx_dir.iterdir()) == before


def test_changed_weights_export_to_a_new_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    encoder = default_encoder_path()
    weights = tmp_path / "target_stance.safetensors"
    shutil.copyfile(DEFAULT_TSC_PATH, weights)
    calls: list[list[str]] = []

    def fake_export(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        root = Path(command[command.index("--onnx-dir") + 1])
        target = export_dir(root, "target-stance", source_key("target-stance", encoder, weights))
        target.mkdir(parents=True)
        (target / MODEL_FILE).write_bytes(b"onnx")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(onnx_cache.subprocess, "run", fake_export)
    first = ensure_exported("target-stance", encoder, weights, root=tmp_path / "cache")
    assert ensure_exported("target-stance", encoder, weights, root=tmp_path / "cache") == first
    with weights.open("ab") as handle:  # retrained: other bytes
        handle.write(b"\0")
    second = ensure_exported("target-stance", encoder, weights, root=tmp_path / "cache")
    assert second != first and first.exists() and second.exists()
    assert len(calls) == 2
    assert source_key("encoder", encoder) != source_key("target-stance", encoder, weights)


def test_publish_keeps_the_first_finished_export(tmp_path: Path) -> None:
    target, late = tmp_path / "encoder-abc", tmp_path / ".encoder-abc-late"
    for directory, content in ((target, b"first"), (late, b"second")):
        directory.mkdir()
        (directory / MODEL_FILE).write_bytes(content)
    publish(late, target)
    assert (target / MODEL_FILE).read_bytes() == b"first"
    assert not late.exists()


@pytest.mark.usefixtures("onnx_encoder", "onnx_stance")
def test_onnx_annotator_reads_the_seed_article(onnx_dir: Path, seed_text: str) -> None:
    annotator = build_annotator(Settings(nlp={"torch_threads": 2, "runtime": "onnx", "onnx_dir": onnx_dir}))
    assert isinstance(annotator, NlpAnnotator)
    assert isinstance(annotator.encoder, OnnxSentenceEncoder)
    assert annotator.versions.stance.startswith("minilm-tsc-lora:1+onnx+")
    result = annotator.annotate([article_from_text(seed_text)])[0]
    assert not isinstance(result, Exception), result
    for source, target, stance in (
        ("country:CHN", "country:USA", "cooperative"),
        ("country:CHN", "country:RUS", "cooperative"),
        ("country:RUS", "bloc:west", "hostile"),
    ):
        found = relation(result, source, target)
        assert found is not None and found.stance == stance, (source, target, found)
