"""Load spaCy's ML library without torch: the bundled pipeline has no torch layers, and importing torch costs 660 MB.

thinc (which spaCy imports) imports torch whenever it is installed, for the
torch-backed layers of pipelines such as ``en_core_web_trf``. The models of
this package that need torch (the ``torch`` runtime, the NLI backend, the
transformers NER backend, training, the ONNX export) import it themselves and
never go through thinc, so thinc is loaded with torch hidden from it: a worker
on ONNX Runtime then never maps torch at all. A spaCy pipeline with torch
layers is therefore not supported.
"""

import sys


def load_thinc_without_torch() -> None:
    """Import ``thinc.compat`` while ``import torch`` fails, then make torch importable again; once per process.

    Without the models installed (no thinc) there is nothing to load.
    """
    if "thinc.compat" in sys.modules:
        return
    hidden = sys.modules.get("torch")
    sys.modules["torch"] = None  # type: ignore[assignment]  # None in sys.modules makes the import raise ImportError
    try:
        import thinc.compat  # noqa: F401  # records has_torch = False for good
    except ModuleNotFoundError as missing:
        if missing.name is None or missing.name.split(".")[0] != "thinc":
            raise
    finally:
        if hidden is None:
            del sys.modules["torch"]
        else:
            sys.modules["torch"] = hidden
