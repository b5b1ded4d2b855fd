"""Text the databases can store: PostgreSQL ``text`` and ``jsonb`` refuse NUL, and UTF-8 has no lone surrogates.

The same cleaning is applied for SQLite, so both databases hold the same
text: NUL characters (U+0000) are removed and lone surrogates
(U+D800–U+DFFF, which no UTF-8 encoder accepts) become U+FFFD.
"""

import re

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _replacement(match: re.Match[str]) -> str:
    return "" if match.group() == "\x00" else "\ufffd"


def storable(text: str) -> str:
    """``text`` without NUL, lone surrogates replaced."""
    return _UNSTORABLE.sub(_replacement, text)


def storable_value(value: object) -> object:
    """Strings cleaned inside any JSON-like value (dict keys and list items included); other values unchanged."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {storable_value(key): storable_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [storable_value(item) for item in value]
    return value
