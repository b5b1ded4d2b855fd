"""A worker on ONNX Runtime never imports torch, though spaCy's thinc would, and torch stays importable."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter: this test process may have imported torch already.
BUILD_ON_ONNX = """
import sys
from consumers.nlp.pipeline import build_annotator
from consumers.settings import Settings
build_annotator(Settings(nlp={"runtime": "onnx", "torch_threads": 1}))
import thinc.compat
print("torch imported:", "torch" in sys.modules, "thinc has torch:", thinc.compat.has_torch)
import torch
print("torch importable:", torch.tensor([1]).item() == 1)
"""


def test_the_onnx_annotator_loads_spacy_without_torch_and_leaves_torch_importable() -> None:
    done = subprocess.run([sys.executable, "-c", BUILD_ON_ONNX], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert "torch imported: False thinc has torch: False" in done.stdout
    assert "torch importable: True" in done.stdout


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_torch_imported_before_stays_the_same_module_and_thinc_still_goes_without() -> None:
    out = _run(
        "import sys, torch\nimport consumers.nlp, thinc.compat\n"
        "print(sys.modules['torch'] is torch, thinc.compat.has_torch)"
    )
    assert out.split() == ["True", "False"]


def test_torch_blocked_before_stays_blocked() -> None:
    out = _run(
        "import sys\nsys.modules['torch'] = None\nimport consumers.nlp\n"
        "try:\n    import torch\n    print('importable')\nexcept ImportError:\n    print('blocked')"
    )
    assert out.strip() == "blocked"
