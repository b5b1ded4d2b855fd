"""A setting that cannot work stops every subcommand with one line naming its variable, and exit status 2."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from consumers.commands.cli import _parser

ROOT = Path(__file__).resolve().parents[2]
ARGUMENTS = {
    "topics": ["create"],
    "publish": [str(ROOT / "seeds")],
    "schemas": ["export", "--check"],
    "offsets": ["reset", "--to", "earliest"],
    "tail": ["stance"],
}
SUBCOMMANDS = sorted(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def _run(command: list[str], env: dict[str, str] | None = None, **variables: str) -> subprocess.CompletedProcess[str]:
    clean = {name: value for name, value in os.environ.items() if not name.startswith("STANCEWIRE_")}
    return subprocess.run(
        [sys.executable, "-m", "consumers.commands.cli", *command],
        env={**clean, "PYTHONPATH": str(ROOT), **(env or {}), **variables},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _fails_with(result: subprocess.CompletedProcess[str], *lines: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [f"stancewire: {line}" for line in lines]
    assert result.stdout == ""


@pytest.mark.parametrize("subcommand", SUBCOMMANDS)
def test_a_bad_value_names_its_variable(subcommand: str) -> None:
    result = _run([subcommand, *ARGUMENTS.get(subcommand, [])], STANCEWIRE_WORKER__BATCH_SIZE="sixteen")
    _fails_with(
        result, "STANCEWIRE_WORKER__BATCH_SIZE: Input should be a valid integer, unable to parse string as an integer"
    )


@pytest.mark.parametrize("subcommand", SUBCOMMANDS)
def test_sasl_without_credentials_names_both(subcommand: str) -> None:
    result = _run(
        [subcommand, *ARGUMENTS.get(subcommand, [])],
        STANCEWIRE_KAFKA__SECURITY_PROTOCOL="SASL_SSL",
        STANCEWIRE_KAFKA__SASL_MECHANISM="SCRAM-SHA-512",
    )
    _fails_with(
        result,
        "STANCEWIRE_KAFKA__SASL_USERNAME: required with SASL mechanism SCRAM-SHA-512",
        "STANCEWIRE_KAFKA__SASL_PASSWORD: required with SASL mechanism SCRAM-SHA-512",
    )


@pytest.mark.parametrize("subcommand", SUBCOMMANDS)
def test_a_missing_ca_file_is_named(subcommand: str, tmp_path: Path) -> None:
    missing = tmp_path / "ca.pem"
    result = _run(
        [subcommand, *ARGUMENTS.get(subcommand, [])],
        STANCEWIRE_KAFKA__SECURITY_PROTOCOL="SSL",
        STANCEWIRE_KAFKA__SSL_CAFILE=str(missing),
    )
    _fails_with(result, f"STANCEWIRE_KAFKA__SSL_CAFILE: no such file: {missing}")


@pytest.mark.parametrize(
    ("env", "line"),
    [
        (
            {"STANCEWIRE_KAFKA__SECURITY_PROTOCOL": "SASL_SSL"},
            "STANCEWIRE_KAFKA__SASL_MECHANISM: required with security protocol SASL_SSL "
            "(PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)",
        ),
        (
            {
                "STANCEWIRE_KAFKA__SASL_MECHANISM": "PLAIN",
                "STANCEWIRE_KAFKA__SASL_USERNAME": "u",
                "STANCEWIRE_KAFKA__SASL_PASSWORD": "p",
            },
            "STANCEWIRE_KAFKA__SASL_MECHANISM: needs security protocol SASL_SSL or SASL_PLAINTEXT, not PLAINTEXT",
        ),
        (
            {"STANCEWIRE_KAFKA__SECURITY_PROTOCOL": "SSL", "STANCEWIRE_KAFKA__SSL_CERTFILE": "/nonexistent/client.pem"},
            "STANCEWIRE_KAFKA__SSL_CERTFILE: no such file: /nonexistent/client.pem",
        ),
        (
            {"STANCEWIRE_KAFKA__SSL_CAFILE": str(ROOT / "README.md")},
            "STANCEWIRE_KAFKA__SSL_CAFILE: needs security protocol SSL or SASL_SSL, not PLAINTEXT",
        ),
        (
            {"STANCEWIRE_ALERTS__RULES_FILE": "/nonexistent/rules.yaml"},
            "STANCEWIRE_ALERTS__RULES_FILE: no such file: /nonexistent/rules.yaml",
        ),
        (
            {"STANCEWIRE_LOG_LEVEL": "LOUD"},
            "STANCEWIRE_LOG_LEVEL: Input should be 'DEBUG', 'INFO', 'WARNING' or 'ERROR'",
        ),
        (
            {"STANCEWIRE_NLP__LANGUAGES": "en,de"},
            "STANCEWIRE_NLP__LANGUAGES: not valid JSON (this setting is read as JSON: a list as '[\"en\"]', "
            "a section as an object)",
        ),
    ],
    ids=[
        "sasl-protocol-without-mechanism",
        "mechanism-without-sasl",
        "missing-certificate",
        "ca-without-tls",
        "missing-rules-file",
        "choice",
        "json",
    ],
)
def test_other_settings_errors(env: dict[str, str], line: str) -> None:
    _fails_with(_run(["worker"], env), line)


def test_a_bad_value_in_a_secrets_file_is_named_like_its_variable(tmp_path: Path) -> None:
    (tmp_path / "stancewire_kafka__request_timeout_ms").write_text("-5")
    result = _run(["ping"], STANCEWIRE_SECRETS_DIR=str(tmp_path))
    _fails_with(result, "STANCEWIRE_KAFKA__REQUEST_TIMEOUT_MS: Input should be greater than 0")


def test_the_password_never_appears_in_the_message() -> None:
    result = _run(
        ["worker"],
        STANCEWIRE_KAFKA__SECURITY_PROTOCOL="SASL_SSL",
        STANCEWIRE_KAFKA__SASL_MECHANISM="PLAIN",
        env={"STANCEWIRE_KAFKA__SASL_PASSWORD": "hunter2-secret"},
    )
    _fails_with(result, "STANCEWIRE_KAFKA__SASL_USERNAME: required with SASL mechanism PLAIN")
    assert "hunter2" not in result.stderr


def _certificate(directory: Path, name: str) -> tuple[Path, Path]:
    """A self-signed certificate and its unencrypted key, made by openssl."""
    cert, key = directory / f"{name}.pem", directory / f"{name}.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={name}",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes the test certificates")


@needs_openssl
def test_a_complete_secured_configuration_loads(tmp_path: Path) -> None:
    ca, _ = _certificate(tmp_path, "ca")
    cert, key = _certificate(tmp_path, "client")
    result = _run(
        ["schemas", "export", "--check"],
        STANCEWIRE_KAFKA__SECURITY_PROTOCOL="SASL_SSL",
        STANCEWIRE_KAFKA__SASL_MECHANISM="SCRAM-SHA-512",
        STANCEWIRE_KAFKA__SASL_USERNAME="stancewire-worker",
        env={"STANCEWIRE_KAFKA__SASL_PASSWORD": "p"},
        STANCEWIRE_KAFKA__SSL_CAFILE=str(ca),
        STANCEWIRE_KAFKA__SSL_CERTFILE=str(cert),
        STANCEWIRE_KAFKA__SSL_KEYFILE=str(key),
    )
    assert result.returncode == 0, result.stderr


def test_a_ca_file_that_holds_no_certificate_is_named(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("not a certificate\n")
    result = _run(["worker"], STANCEWIRE_KAFKA__SECURITY_PROTOCOL="SSL", STANCEWIRE_KAFKA__SSL_CAFILE=str(ca))
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"stancewire: STANCEWIRE_KAFKA__SSL_CAFILE: not a PEM certificate bundle: {ca} (")


@needs_openssl
def test_a_key_that_does_not_match_the_certificate_is_named(tmp_path: Path) -> None:
    cert, _ = _certificate(tmp_path, "client")
    _, other_key = _certificate(tmp_path, "other")
    result = _run(
        ["sink"],
        STANCEWIRE_KAFKA__SECURITY_PROTOCOL="SSL",
        STANCEWIRE_KAFKA__SSL_CERTFILE=str(cert),
        STANCEWIRE_KAFKA__SSL_KEYFILE=str(other_key),
    )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(
        f"stancewire: STANCEWIRE_KAFKA__SSL_KEYFILE: the client certificate and key do not load together: "
        f"{cert} and {other_key} ("
    )


@needs_openssl
def test_a_certificate_without_its_key_asks_for_the_key_file(tmp_path: Path) -> None:
    cert, _ = _certificate(tmp_path, "client")
    result = _run(["ping"], STANCEWIRE_KAFKA__SECURITY_PROTOCOL="SSL", STANCEWIRE_KAFKA__SSL_CERTFILE=str(cert))
    assert result.returncode == 2
    assert f"STANCEWIRE_KAFKA__SSL_KEYFILE: the client certificate and key do not load together: {cert} (no key" in (
        result.stderr
    )


def test_a_secrets_directory_that_is_a_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "secrets").write_text("")
    result = _run(["ping"], STANCEWIRE_SECRETS_DIR=str(tmp_path / "secrets"))
    _fails_with(result, "STANCEWIRE_SECRETS_DIR: must reference a directory, not a file")
