"""Logging setup shared by every command: rich for terminals, one JSON object per line for collectors.

Records may carry ``article_id``, ``topic``, ``partition`` and ``offset`` in
``extra``; the JSON format keeps them as fields.
"""

import logging
from datetime import UTC, datetime
from typing import Literal

import orjson
from rich.console import Console
from rich.logging import RichHandler

CONTEXT_FIELDS = ("article_id", "topic", "partition", "offset", "error_class")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, context fields, exception."""

    def format(self, record: logging.LogRecord) -> str:
        event: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        event.update({name: getattr(record, name) for name in CONTEXT_FIELDS if hasattr(record, name)})
        if record.exc_info:
            event["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(event, default=str).decode()


def configure_logging(level: str, log_format: Literal["rich", "json"] = "rich") -> None:
    """Logs on stderr; aiokafka's chatter kept at WARNING unless debugging."""
    if log_format == "json":
        handler: logging.Handler = logging.StreamHandler()
        handler.setFormatter(JsonFormatter())
    else:
        handler = RichHandler(console=Console(stderr=True), show_path=False)
    logging.basicConfig(level=level, format="%(name)s: %(message)s", datefmt="[%X]", handlers=[handler], force=True)
    if level != "DEBUG":
        logging.getLogger("aiokafka").setLevel(logging.WARNING)
