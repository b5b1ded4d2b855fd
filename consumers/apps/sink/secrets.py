"""Secrets (the DSN's password, the SASL password) kept out of every error and log line the sink writes.

libpq quotes the part of a connection string it cannot parse, password and
all, so a malformed DSN is checked here first and reported with its
password masked.
"""

import re
from urllib.parse import unquote

import psycopg.conninfo

from consumers.errors import ConfigurationError
from consumers.settings import Settings

MASK = "***"
_KEYWORD_PASSWORD = re.compile(r"password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)


def dsn_passwords(dsn: str) -> set[str]:
    """What a DSN, even a malformed one, may hold as a password: ``password=…`` values and URI userinfo."""
    found = {match.group(1).strip("'") for match in _KEYWORD_PASSWORD.finditer(dsn)}
    if "@" in dsn:
        userinfo = dsn.rsplit("@", 1)[0].rsplit("/", 1)[-1]
        if ":" in userinfo:
            found.add(userinfo.split(":", 1)[1])
    return {secret for text in found if text for secret in (text, unquote(text))}


class Redactor:
    """Replaces every known secret in a text with ``***``."""

    def __init__(self, secrets: set[str]) -> None:
        self._secrets = sorted((secret for secret in secrets if secret), key=len, reverse=True)

    @classmethod
    def of(cls, settings: Settings) -> "Redactor":
        """The secrets in ``settings``: the DSN's password (however written) and the SASL password."""
        secrets: set[str] = set()
        if settings.sink.postgres_dsn is not None:
            secrets |= dsn_passwords(settings.sink.postgres_dsn.get_secret_value())
        if settings.kafka.sasl_password is not None:
            secrets.add(settings.kafka.sasl_password.get_secret_value())
        return cls(secrets)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text


def check_dsn(dsn: str) -> None:
    """Raise ConfigurationError, in one line and without the password, when libpq cannot parse ``dsn``."""
    try:
        psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.Error as error:
        reason = " ".join(Redactor(dsn_passwords(dsn))(str(error)).split())
        raise ConfigurationError(f"STANCEWIRE_SINK__POSTGRES_DSN is not a valid PostgreSQL DSN: {reason}") from None
