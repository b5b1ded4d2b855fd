"""Zero-shot target stance from any NLI model named in settings (``STANCEWIRE_NLP__NLI_MODEL``).

For production users with a larger model on the hub or on disk: each
(sentence, target) becomes three premise/hypothesis pairs, one per stance,
and the softmax over the three entailment logits is the answer, as in
transformers' zero-shot-classification pipeline (single-label). The model
must name its entailment class in ``config.label2id``.
"""

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer
from transformers.utils import logging as transformers_logging

from consumers.nlp.length_batches import batches
from consumers.nlp.target_items import TSC_LABELS, TargetItem

# One hypothesis per label of TSC_LABELS (negative, neutral, positive), about the target.
HYPOTHESES = (
    "This text is critical of or hostile to {}.",
    "This text is neutral about {}.",
    "This text is supportive of or friendly to {}.",
)


def entailment_index(label2id: dict[str, int]) -> int:
    """The class id of "entailment" (any case, any prefix such as ``ENTAILMENT``)."""
    for label, index in label2id.items():
        if label.lower().startswith("entail"):
            return int(index)
    raise ValueError(f"the NLI model has no entailment label (labels: {sorted(label2id)})")


class NliTargetScorer:
    """Implements ``TargetScorer`` with an NLI sequence-classification model."""

    def __init__(self, model: str, *, threads: int | None = None, batch_size: int = 16) -> None:
        """Load the hub id or local path ``model`` once."""
        if threads is not None:
            torch.set_num_threads(threads)
        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        self._tokenizer = AutoTokenizer.from_pretrained(model)
        self._model = AutoModelForSequenceClassification.from_pretrained(model)
        self._model.eval()
        self._entail = entailment_index(dict(self._model.config.label2id))
        self._batch_size = batch_size
        self.version = f"nli:{model}"

    def probabilities(self, items: Sequence[TargetItem]) -> npt.NDArray[np.float32]:
        """Rows of (negative, neutral, positive): softmax over each hypothesis' entailment logit."""
        pairs = [(item.sentence, hypothesis.format(item.mention)) for item in items for hypothesis in HYPOTHESES]
        logits = np.zeros(len(pairs), dtype=np.float32)
        with torch.no_grad():
            for idx in batches(range(len(pairs)), self._batch_size):
                encoded = self._tokenizer(
                    [pairs[i][0] for i in idx],
                    [pairs[i][1] for i in idx],
                    padding=True,
                    truncation="only_first",
                    max_length=256,
                    return_tensors="pt",
                )
                logits[idx] = self._model(**encoded).logits[:, self._entail].numpy()
        grouped = torch.from_numpy(logits.reshape(len(items), len(TSC_LABELS)))
        result: npt.NDArray[np.float32] = torch.softmax(grouped, dim=-1).numpy().astype(np.float32)
        return result
