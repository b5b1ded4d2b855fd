"""Logging setup shared by every command."""

import logging

from rich.console import Console
from rich.logging import RichHandler


def configure_logging(level: str) -> None:
    """Human-readable logs on stderr; aiokafka's chatter kept at WARNING unless debugging."""
    logging.basicConfig(
        level=level,
        format="%(name)s: %(message)s",
        datefmt="[%X]",
        handlers=[RichHandler(console=Console(stderr=True), show_path=False)],
    )
    if level != "DEBUG":
        logging.getLogger("aiokafka").setLevel(logging.WARNING)
