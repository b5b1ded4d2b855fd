"""Settings that cannot load, said as the environment variables an operator sets.

pydantic reports a field path (``worker.batch_size``) and a traceback; an
operator sets ``STANCEWIRE_WORKER__BATCH_SIZE``. Each problem becomes one
line naming the variable, without the value (it may be a secret).
"""

import json
import os
from collections.abc import Mapping
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_settings import SettingsError

from consumers.settings import Settings

__all__ = ["describe", "env_name"]

PREFIX = "STANCEWIRE_"
_COLLECTIONS = (list, set, frozenset, tuple, dict)
_FIELD = 'for field "'


def env_name(loc: tuple[int | str, ...]) -> str:
    """The variable behind a field path: ``("worker", "batch_size")`` → ``STANCEWIRE_WORKER__BATCH_SIZE``."""
    return PREFIX + "__".join(str(part).upper() for part in loc)


def _annotation(path: list[str]) -> Any:
    """The type of the setting at ``path`` (lower-case field names), or None when there is none."""
    model: Any = Settings
    annotation: Any = None
    for part in path:
        field = model.model_fields.get(part) if isinstance(model, type) and issubclass(model, BaseModel) else None
        if field is None:
            return None
        annotation = model = field.annotation
    return annotation


def _is_json(annotation: Any) -> bool:
    """True for the settings pydantic-settings reads as JSON: collections and whole sections."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    origin = get_origin(annotation)
    return origin in _COLLECTIONS or any(_is_json(arg) for arg in get_args(annotation) if origin is not None)


def _undecodable(section: str, environ: Mapping[str, str]) -> list[str]:
    """The variables of ``section`` that should hold JSON and do not."""
    names = []
    for name, value in sorted(environ.items()):
        if name.upper() != PREFIX + section.upper() and not name.upper().startswith(f"{PREFIX}{section.upper()}__"):
            continue
        if not _is_json(_annotation(name.upper().removeprefix(PREFIX).lower().split("__"))):
            continue
        try:
            json.loads(value)
        except ValueError:
            names.append(name.upper())
    return names


def _settings_error(error: SettingsError, environ: Mapping[str, str]) -> list[str]:
    message = str(error)
    if message.startswith("secrets_dir"):
        return [f"{PREFIX}SECRETS_DIR: {message.removeprefix('secrets_dir ')}"]
    section = message.split(_FIELD, 1)[1].split('"', 1)[0] if _FIELD in message else ""
    names = _undecodable(section, environ) if section else []
    if not names:
        return [f"{env_name((section,)) if section else 'settings'}: {message}"]
    return [
        f"{name}: not valid JSON (this setting is read as JSON: a list as '[\"en\"]', a section as an object)"
        for name in names
    ]


def describe(error: ValidationError | SettingsError, environ: Mapping[str, str] | None = None) -> list[str]:
    """One line per problem, each starting with the variable to fix."""
    if isinstance(error, SettingsError):
        return _settings_error(error, os.environ if environ is None else environ)
    lines = []
    for problem in error.errors(include_url=False):
        message = problem["msg"].removeprefix("Value error, ")
        lines.append(f"{env_name(problem['loc'])}: {message}")
    return lines
