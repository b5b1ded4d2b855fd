"""Reading the PETRARCH2 dictionary files: comments, code brackets, spelling variants."""

import re
from pathlib import Path

from consumers.nlp.folding import fold

CODE = re.compile(r"\[([^\]}]*)[\]}]")  # one agent line has "[~ENV}"


FORMS = re.compile(r"\{([^}]*)\}")


_COMMENT = re.compile(r"[#;]")  # ``;`` is TABARI's older comment mark, still on a few lines


def content(line: str) -> str:
    """A dictionary line without its comment and trailing blanks."""
    return _COMMENT.split(line, maxsplit=1)[0].rstrip()


def phrase(text: str) -> str:
    """A dictionary phrase as plain text: ``_`` joins words, case is dropped, blanks collapse."""
    return " ".join(text.replace("_", " ").lower().split())


def spellings(key: str) -> list[str]:
    """A name as written and, if it has accents, without them ("erdoğan" and "erdogan"): news uses both."""
    folded = fold(key)
    return [key] if folded == key else [key, folded]


def read_lines(path: Path) -> list[str]:
    """The file's lines; the dictionaries are UTF-8 (a few names carry accents)."""
    return path.read_text(encoding="utf-8").splitlines()
