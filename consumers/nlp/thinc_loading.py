"""Load spaCy's ML library without torch: the bundled pipeline has no torch layers, and importing torch costs 660 MB.

thinc (which spaCy imports) imports torch whenever it is installed, for the
torch-backed layers of pipelines such as ``en_core_web_trf``. The models of
this package that need torch (the ``torch`` runtime, the NLI backend, the
transformers NER backend, training, the ONNX export) import it themselves and
never go through thinc, so thinc is loaded with torch hidden from it: a worker
on ONNX Runtime then never maps torch at all.

thinc records ``has_torch = False`` for the process even where torch is
imported later or was imported before: its torch helpers (``PyTorchWrapper``,
``fix_random_seed``'s torch seeding, torch arrays) are off, and nothing here
uses them. A spaCy pipeline with torch layers is therefore not supported.
"""

import sys

_ABSENT = object()


def load_thinc_without_torch() -> None:
    """Import ``thinc.compat`` while ``import torch`` fails, then put ``sys.modules["torch"]`` back as it was.

    Once per process (a no-op once thinc is loaded); without the models installed (no thinc) nothing is loaded.
    """
    if "thinc.compat" in sys.modules:
        return
    before = sys.modules.get("torch", _ABSENT)
    sys.modules["torch"] = None  # type: ignore[assignment]  # None in sys.modules makes the import raise ImportError
    try:
        import thinc.compat  # noqa: F401  # records has_torch = False for good
    except ModuleNotFoundError as missing:
        if missing.name is None or missing.name.split(".")[0] != "thinc":
            raise
    finally:
        if before is _ABSENT:
            sys.modules.pop("torch", None)
        else:
            sys.modules["torch"] = before  # type: ignore[assignment]
