"""Accent folding for names: one function, so the derived tables and the coder's lookups agree."""

import unicodedata

# Letters NFKD leaves whole (no combining mark to drop): the dotless i, the stroked l, o and d, and
# the two ligatures ("Yıldırım", "Sikorski" as "Radosław", "Støre", "Đukanović", "Strauß", "Ærø").
_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae"}
)


def fold(text: str) -> str:
    """The text without accents: "erdoğan" -> "erdogan", "yıldırım" -> "yildirim", "støre" -> "store"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
