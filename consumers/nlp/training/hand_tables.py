"""Reading the hand-maintained TSV tables (officials and groups since 2015) the derivation merges."""

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from consumers.nlp.training.dictionary_text import spellings


def read_rows(path: Path, columns: tuple[str, ...], required: tuple[str, ...]) -> Iterator[dict[str, str]]:
    """The table's rows as column -> text, comment lines skipped; the header and required cells checked."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != columns:
        raise ValueError(f"{path}: the header must be {' '.join(columns)}")
    for row in reader:
        if None in row.values() or not all(row[column] for column in required):
            raise ValueError(f"{path}: malformed row {row}")
        yield row


def row_keys(row: dict[str, str]) -> list[str]:
    """A row's lookup keys: its name and aliases (``|``-separated), lower case, as written and accents folded."""
    names: Iterable[str] = [row["name"], *(alias for alias in row["aliases"].split("|") if alias)]
    return list(dict.fromkeys(key for name in names for key in spellings(" ".join(name.lower().split()))))
