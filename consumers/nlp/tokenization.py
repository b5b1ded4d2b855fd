"""The encoder's tokenizer, read with the ``tokenizers`` library alone.

``transformers.AutoTokenizer`` gives the same ids, but loading it imports
transformers' model machinery (torch's compiler, scikit-learn: about 250 MB
of resident memory), which a worker on ONNX Runtime never uses. The file is
the encoder's own ``tokenizer.json``; truncation and padding are set here as
the models were trained with them.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt
from tokenizers import Encoding, Tokenizer

from consumers.errors import ConfigurationError

Inputs = dict[str, npt.NDArray[np.int64]]


def tokenizer_file(encoder: str) -> Path:
    """The encoder's ``tokenizer.json``: in its directory, or (a hub id) from the hub, cached as transformers does."""
    path = Path(encoder) / "tokenizer.json"
    if not Path(encoder).is_dir():
        from huggingface_hub import hf_hub_download
        from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError

        try:
            path = Path(hf_hub_download(encoder, "tokenizer.json"))
        except (HfHubHTTPError, LocalEntryNotFoundError, OSError, ValueError, RuntimeError) as error:
            raise ConfigurationError(f"the encoder {encoder!r}: no tokenizer.json ({error})") from None
    if not path.is_file():
        raise ConfigurationError(f"the encoder {encoder!r} has no tokenizer.json (a fast tokenizer is needed)")
    return path


class EncoderTokenizer:
    """Model inputs for one batch as int64 arrays, padded to the batch's longest row.

    ``truncation``: ``longest_first`` cuts single sentences (and the longer
    text of a pair); ``only_first`` cuts only the first text of a pair, never
    the second (the target-stance model's mention).
    """

    def __init__(
        self, encoder: str, max_length: int, truncation: Literal["longest_first", "only_first"] = "longest_first"
    ) -> None:
        """``encoder``: the encoder's directory or hub id; its ``tokenizer.json`` is read."""
        self._tokenizer = Tokenizer.from_file(str(tokenizer_file(encoder)))
        self._tokenizer.enable_truncation(max_length, strategy=truncation)
        pad = self._tokenizer.padding or {}
        self._tokenizer.enable_padding(
            direction=pad.get("direction", "right"),
            pad_id=pad.get("pad_id", 0),
            pad_type_id=pad.get("pad_type_id", 0),
            pad_token=pad.get("pad_token", "[PAD]"),
        )

    def sentences(self, texts: Sequence[str]) -> Inputs:
        """One row per sentence."""
        return self._arrays(self._tokenizer.encode_batch(list(texts)))

    def pairs(self, pairs: Sequence[tuple[str, str]]) -> Inputs:
        """One row per (first, second) pair."""
        return self._arrays(self._tokenizer.encode_batch(list(pairs)))

    @staticmethod
    def _arrays(encodings: list[Encoding]) -> Inputs:
        if not encodings:
            return {
                name: np.zeros((0, 0), dtype=np.int64) for name in ("input_ids", "attention_mask", "token_type_ids")
            }
        return {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
