"""Checks of the files settings name (TLS certificates and keys, alert rules), run when settings load.

aiokafka reads the TLS files only when the first client connects, and then
says ``FileNotFoundError`` or ``ssl.SSLError`` without naming the setting;
checked here, a wrong file is one line naming its variable.
"""

import os
import ssl
from pathlib import Path

__all__ = ["ca_bundle", "client_certificate", "readable_file"]


def readable_file(path: Path) -> Path:
    """``path``, if it exists and can be read."""
    if not path.is_file():
        raise ValueError(f"no such file: {path}")
    if not os.access(path, os.R_OK):
        raise ValueError(f"cannot read {path}")
    return path


def ca_bundle(path: Path) -> Path:
    """``path``, if it is a readable bundle of PEM certificates."""
    readable_file(path)
    try:
        ssl.create_default_context(cafile=str(path))
    except ssl.SSLError as error:
        raise ValueError(f"not a PEM certificate bundle: {path} ({error.reason or error})") from None
    return path


def _no_password() -> bytes:
    # OpenSSL would otherwise ask for an encrypted key's password on the terminal.
    return b""


def client_certificate(certfile: Path, keyfile: Path | None) -> None:
    """Raise unless the client certificate loads with its key (``keyfile``, or the certificate file itself)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        context.load_cert_chain(str(certfile), str(keyfile) if keyfile else None, password=_no_password)
    except ssl.SSLError as error:
        where = f"{certfile} and {keyfile}" if keyfile else f"{certfile} (no key file set)"
        raise ValueError(
            f"the client certificate and key do not load together: {where} ({error.reason or error}); "
            "the key must match the certificate and not be encrypted"
        ) from None
