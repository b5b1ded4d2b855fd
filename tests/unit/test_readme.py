"""The README documents every setting, and nothing that is not one."""

import re
from pathlib import Path

from pydantic import BaseModel

from consumers.settings import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def env_names(model: type[BaseModel], prefix: str = "STANCEWIRE_") -> set[str]:
    names: set[str] = set()
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            names |= env_names(annotation, f"{prefix}{name.upper()}__")
        else:
            names.add(prefix + name.upper())
    return names


def test_configuration_table_lists_exactly_the_settings() -> None:
    documented = set(re.findall(r"^\| `(STANCEWIRE_[A-Z_]+)` \|", README, re.M))
    assert documented == env_names(Settings)


def test_readme_commands_are_real_subcommands() -> None:
    from consumers.commands.cli import _parser

    subcommands = set(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    used = set(re.findall(r"^stancewire (\w+)", README, re.M))
    assert used and used <= subcommands
