"""Export the sentence encoder and the target-stance model to ONNX, weights in float.

Each graph holds the whole model, pooling and head included, so the runtime
side only tokenizes and runs a session. Batch and sequence axes are dynamic.
The weights stay in float: the outputs match torch's to about 1e-6 whatever
else shares the batch. Dynamic int8 quantisation was tried and dropped: it
cost the stance model about a point of NewsMTSC macro-F1, and its activation
scales, computed per batch, made an article's annotation depend on the
articles annotated with it (the worker, which batches what arrives together,
and file mode then disagreed). The encoders are traced with eager attention:
that graph ran about 1.8 times faster on ONNX Runtime than the SDPA one.

Loading with ``STANCEWIRE_NLP__RUNTIME=onnx`` runs this once per weights, in a
child process; running it by hand fills the cache ahead of time (an image
build, say)::

    python -m consumers.nlp.onnx_export [encoder|target-stance] [--onnx-dir DIR]
"""

import argparse
import json
import logging
import shutil
import tempfile
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

import torch
from torch import nn
from transformers import AutoModel, AutoTokenizer

from consumers.nlp.embeddings import MAX_LENGTH, default_encoder_path
from consumers.nlp.encoder import PooledEncoder
from consumers.nlp.onnx_cache import DEFAULT_ONNX_DIR, KINDS, MODEL_FILE, Kind, export_dir, publish, source_key
from consumers.nlp.target_items import DEFAULT_TSC_PATH, tokenize_pairs
from consumers.nlp.target_stance import load_stance_net
from consumers.nlp.tokenization import EncoderTokenizer

INPUTS = ("input_ids", "attention_mask", "token_type_ids")
log = logging.getLogger(__name__)
EXAMPLES = ("China and Russia pledged to deepen their military cooperation.", "Talks resumed.")


class _Graph(nn.Module):
    """Fixed positional inputs (stable input names in the graph); optionally a softmax over the output."""

    def __init__(self, inner: nn.Module, *, softmax: bool) -> None:
        super().__init__()
        self.inner = inner
        self.softmax = softmax

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> torch.Tensor:
        out: torch.Tensor = self.inner(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        )
        return torch.softmax(out, dim=-1) if self.softmax else out


def export_graph(module: nn.Module, example: dict[str, torch.Tensor], output: str, path: Path) -> None:
    """Trace ``module`` with torch.export into one self-contained ONNX file with dynamic batch and sequence."""
    batch, sequence = torch.export.Dim("batch"), torch.export.Dim("sequence", max=512)
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer chatter about transformers internals, not about our graph
        torch.onnx.export(
            module.eval(),
            tuple(example[name] for name in INPUTS),
            str(path),
            input_names=list(INPUTS),
            output_names=[output],
            dynamic_shapes={name: {0: batch, 1: sequence} for name in INPUTS},
            dynamo=True,
            external_data=False,
            verbose=False,
        )


def export_encoder(encoder: str, directory: Path) -> None:
    """The pooled, normalised sentence encoder as ``directory/MODEL_FILE``."""
    module = PooledEncoder(AutoModel.from_pretrained(encoder, attn_implementation="eager"))
    example = {
        name: torch.from_numpy(ids) for name, ids in EncoderTokenizer(encoder, MAX_LENGTH).sentences(EXAMPLES).items()
    }
    export_graph(_Graph(module, softmax=False), example, "embeddings", directory / MODEL_FILE)


def export_target_stance(weights: Path, encoder: str, directory: Path) -> None:
    """The merged target-stance model with its softmax as ``directory/MODEL_FILE``, weights in float."""
    tokenizer = AutoTokenizer.from_pretrained(encoder)
    net = load_stance_net(weights, encoder, attention="eager")
    pairs = [(f"<< {text} >>", text) for text in EXAMPLES]
    example = tokenize_pairs(tokenizer, pairs, "pt")
    export_graph(_Graph(net, softmax=True), example, "probabilities", directory / MODEL_FILE)


def export(kind: Kind, encoder: str, weights: Path, root: Path) -> Path:
    """Export ``kind`` into the cache unless it is there; returns its directory."""
    target = export_dir(root, kind, source_key(kind, encoder, weights if kind == "target-stance" else None))
    if (target / MODEL_FILE).exists():
        return target
    root.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=root))
    try:
        if kind == "encoder":
            export_encoder(encoder, temporary)
        else:
            export_target_stance(weights, encoder, temporary)
        meta = {"kind": kind, "encoder": encoder, "seconds": round(time.perf_counter() - started, 1)}
        if kind == "target-stance":
            meta["weights"] = str(weights)
        (temporary / "export.json").write_text(json.dumps(meta, indent=2) + "\n")
        temporary.chmod(0o755)  # mkdtemp makes it private; other workers' users may share the cache
        publish(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return target


def main(argv: Sequence[str] | None = None) -> int:
    """Export the named models (default: both) into the cache directory."""
    parser = argparse.ArgumentParser(prog="python -m consumers.nlp.onnx_export", description=__doc__.split("\n")[0])
    parser.add_argument("kinds", nargs="*", metavar="{encoder,target-stance}", help="models to export (default: both)")
    parser.add_argument("--encoder", default=None, help="encoder (hub id or path); default: the bundled MiniLM")
    parser.add_argument("--weights", type=Path, default=DEFAULT_TSC_PATH, help="target-stance safetensors")
    parser.add_argument("--onnx-dir", type=Path, default=DEFAULT_ONNX_DIR, help="cache directory")
    args = parser.parse_args(argv)
    if unknown := set(args.kinds) - set(KINDS):
        parser.error(f"unknown model {sorted(unknown)}; choose from {', '.join(KINDS)}")
    logging.basicConfig(level=logging.WARNING, format="%(message)s")  # the exporter's notes stay out
    log.setLevel(logging.INFO)
    for kind in args.kinds or KINDS:
        directory = export(kind, args.encoder or default_encoder_path(), args.weights, args.onnx_dir)
        size = (directory / MODEL_FILE).stat().st_size
        log.info("%s: %s (%.1f MB)", kind, directory / MODEL_FILE, size / 1e6)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
