"""Enum values a reader does not know yet: kept, not refused (the compatibility rule).

Writers may add a value to an enum in a minor version (a new entity type, a
new event type, a new sector). A field marked ``Annotated[EntityType, EXTENSIBLE]``
accepts such a value when a message is *read* (``schemas.decode`` /
``schemas.read``: the reading context) and keeps it as a string (for a
``StrEnum``, a member that is not among the declared ones). Building a
message without that context, as writers do, still refuses it.
"""

from collections.abc import Callable
from enum import StrEnum
from typing import Any, Final, get_args, get_origin

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationError, ValidationInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

__all__ = ["EXTENSIBLE", "EXTENSIBLE_KEYWORD", "READING", "is_reading"]

_READING_KEY: Final = "stancewire.reading"
READING: Final[dict[str, bool]] = {_READING_KEY: True}
"""The validation context of a reader: unknown enum values are kept (pass as ``context=``)."""
EXTENSIBLE_KEYWORD: Final = "x-extensible-enum"
"""Where the exported schemas list the known values of an open enum (instead of ``enum``)."""
_OPEN_NOTE = "Known values in x-extensible-enum; a minor version may add one, so accept any string."


def is_reading(info: ValidationInfo) -> bool:
    """True when a message is validated as read from a topic, not built by a writer."""
    return isinstance(info.context, dict) and info.context.get(_READING_KEY) is True


def _unknown_member(enum: type[StrEnum]) -> Callable[[str], StrEnum]:
    def make(value: str) -> StrEnum:
        # A member outside the declared ones: an instance of the enum (``.value`` works),
        # not listed by iteration, so code that enumerates the known values is unaffected.
        member = str.__new__(enum, value)
        member._name_ = value
        member._value_ = value
        return member

    return make


def _keeper(source: Any) -> Callable[[str], Any]:
    if isinstance(source, type) and issubclass(source, StrEnum):
        return _unknown_member(source)
    if get_origin(source) is not None and all(isinstance(arg, str) for arg in get_args(source)):
        return str  # a Literal of strings: the value stays the plain string
    raise TypeError(f"EXTENSIBLE applies to a StrEnum or a Literal of strings, not {source!r}")


class _Extensible:
    """The ``Annotated`` marker of an open enum (see the module docstring)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        """Wrap the closed validator: a reader keeps an unknown string, a writer gets the error."""
        keep = _keeper(source)

        def validate(value: Any, closed: core_schema.ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
            try:
                return closed(value)
            except ValidationError:
                if is_reading(info) and isinstance(value, str):
                    return keep(value)
                raise

        return core_schema.with_info_wrap_validator_function(validate, handler(source))

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """Any string, the known values listed under ``x-extensible-enum``: readers must accept new ones."""
        value = handler(schema)
        target = handler.resolve_ref_schema(value)
        if "enum" in target:
            target[EXTENSIBLE_KEYWORD] = target.pop("enum")
            target["type"] = "string"
            target["description"] = " ".join(filter(None, [target.get("description"), _OPEN_NOTE]))
        return value


EXTENSIBLE: Final = _Extensible()
