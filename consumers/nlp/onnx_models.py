"""The sentence encoder and the target-stance model on ONNX Runtime (float weights, as torch runs them).

Same contracts, tokenization and length-sorted batching as the torch classes
(``SentenceEncoder``, ``TargetStanceModel``), so either runtime can serve
the annotator (``STANCEWIRE_NLP__RUNTIME``). The graphs hold pooling and
head, so a call is: tokenize, run the session. The exports come from
``onnx_cache`` (built once per weights); the stance model's version says
which runtime scored it.
"""

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import onnxruntime as ort

from consumers.nlp.embeddings import MAX_LENGTH, BatchedEncoder, Embeddings, default_encoder_path
from consumers.nlp.onnx_cache import ensure_exported
from consumers.nlp.target_items import DEFAULT_TSC_PATH, TargetItem, score_marked, shipped_version
from consumers.nlp.target_items import MAX_LENGTH as PAIR_MAX_LENGTH
from consumers.nlp.tokenization import EncoderTokenizer, Inputs

RUNTIME_SUFFIX = "+onnx"


def open_session(path: Path, threads: int | None) -> ort.InferenceSession:
    """A CPU session with ``threads`` intra-op threads (the batch is one op chain, so one inter-op thread)."""
    options = ort.SessionOptions()
    if threads is not None:
        options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # the arena keeps the largest batch's buffers for good: without it the worker holds about 70 MB less,
    # and the stance model ran no slower (400 questions, four runs each way)
    options.enable_cpu_mem_arena = False
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def run(session: ort.InferenceSession, inputs: Inputs) -> npt.NDArray[np.float32]:
    """The session's single output for one tokenized batch (only the inputs the graph declares are fed)."""
    feeds = {node.name: inputs[node.name] for node in session.get_inputs()}
    result: npt.NDArray[np.float32] = np.asarray(session.run(None, feeds)[0], dtype=np.float32)
    return result


class OnnxSentenceEncoder(BatchedEncoder):
    """Implements ``Encoder``: mean-pooled, L2-normalised embeddings; sessions are thread-safe."""

    def __init__(
        self,
        name_or_path: str | None = None,
        *,
        threads: int | None = None,
        onnx_dir: Path | None = None,
        max_length: int = MAX_LENGTH,
        batch_size: int = 64,
    ) -> None:
        """Load the tokenizer and the export (exporting it first if the cache lacks it)."""
        name = name_or_path or default_encoder_path()
        self._session = open_session(ensure_exported("encoder", name, root=onnx_dir), threads)
        dim = int(self._session.get_outputs()[0].shape[-1])
        super().__init__(name, dim, max_length=max_length, batch_size=batch_size)

    def _forward(self, inputs: Inputs) -> Embeddings:
        return run(self._session, inputs)


class OnnxTargetStanceModel:
    """Implements ``TargetScorer`` with the export of the shipped target-stance model (float weights)."""

    def __init__(
        self,
        path: Path = DEFAULT_TSC_PATH,
        *,
        encoder: str | None = None,
        threads: int | None = None,
        onnx_dir: Path | None = None,
        batch_size: int = 32,
    ) -> None:
        """Load the tokenizer and the export of ``path`` merged into ``encoder`` (exported first if missing)."""
        self.version = shipped_version(path) + RUNTIME_SUFFIX
        base = encoder or default_encoder_path()
        self._tokenizer = EncoderTokenizer(base, PAIR_MAX_LENGTH, truncation="only_first")
        self._session = open_session(ensure_exported("target-stance", base, path, root=onnx_dir), threads)
        self._batch_size = batch_size

    def probabilities(self, items: Sequence[TargetItem]) -> npt.NDArray[np.float32]:
        """Softmax over (negative, neutral, positive), one row per item, in input order."""

        def score(pairs: list[tuple[str, str]]) -> npt.NDArray[np.float32]:
            return run(self._session, self._tokenizer.pairs(pairs))

        return score_marked(items, self._batch_size, score)
