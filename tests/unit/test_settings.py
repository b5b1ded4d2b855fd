from pathlib import Path

import pytest

from consumers.settings import Settings


def test_nested_environment_variables_configure_sections(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")
    monkeypatch.setenv("STANCEWIRE_TOPICS__PREFIX", "staging.")
    monkeypatch.setenv("STANCEWIRE_WORKER__BATCH_SIZE", "32")
    monkeypatch.setenv("STANCEWIRE_NLP__LANGUAGES", '["en", "de"]')
    settings = Settings()
    assert settings.kafka.bootstrap_servers == "kafka-1:9092,kafka-2:9092"
    assert settings.topics.name("raw") == "staging.articles.raw"
    assert settings.worker.batch_size == 32
    assert settings.nlp.languages == {"en", "de"}


def test_sasl_password_is_passed_to_clients_but_never_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANCEWIRE_KAFKA__SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    monkeypatch.setenv("STANCEWIRE_KAFKA__SASL_MECHANISM", "SCRAM-SHA-512")
    monkeypatch.setenv("STANCEWIRE_KAFKA__SASL_USERNAME", "worker")
    monkeypatch.setenv("STANCEWIRE_KAFKA__SASL_PASSWORD", "hunter2-secret")
    settings = Settings()
    options = settings.kafka.client_options()
    assert options["sasl_plain_password"] == "hunter2-secret"
    assert options["sasl_mechanism"] == "SCRAM-SHA-512"
    assert "hunter2-secret" not in repr(settings)
    assert "hunter2-secret" not in str(settings.model_dump())


def test_secrets_can_come_from_a_secrets_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "stancewire_kafka__sasl_password").write_text("from-a-file\n")
    settings = Settings(_secrets_dir=tmp_path)  # type: ignore[call-arg]
    assert settings.kafka.sasl_password is not None
    assert settings.kafka.sasl_password.get_secret_value() == "from-a-file"


def test_invalid_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANCEWIRE_WORKER__BATCH_SIZE", "0")
    with pytest.raises(ValueError, match="batch_size"):
        Settings()
