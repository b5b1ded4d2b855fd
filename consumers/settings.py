"""Configuration from ``STANCEWIRE_*`` environment variables (nested with ``__``).

Example: ``STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS=kafka:9092``,
``STANCEWIRE_TOPICS__PREFIX=prod.``, ``STANCEWIRE_WORKER__BATCH_SIZE=32``.
Secrets may also come from files in ``STANCEWIRE_SECRETS_DIR``, one per
variable, named like it (``stancewire_kafka__sasl_password``), as Docker and
Kubernetes mount them.
"""

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PositiveFloat,
    PositiveInt,
    SecretStr,
    ValidationInfo,
    field_validator,
)
from pydantic_settings import (
    BaseSettings,
    NestedSecretsSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from consumers import __version__, setting_files
from schemas.topics import ALERTS, DEAD_LETTERS, ENRICHED, RAW, STANCE, TopicKind


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class KafkaSettings(_Section):
    """How every Kafka client connects; passed to aiokafka unchanged."""

    bootstrap_servers: str = "127.0.0.1:9092"
    client_id: str = "stancewire"
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = Field(
        default=None, validate_default=True
    )
    sasl_username: str | None = Field(default=None, validate_default=True)
    sasl_password: SecretStr | None = Field(default=None, validate_default=True)
    ssl_cafile: Path | None = None
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = Field(default=None, validate_default=True)
    request_timeout_ms: PositiveInt = 30_000
    max_request_size: PositiveInt = Field(
        default=1_048_576,
        description="Largest record the producers send; every output topic's max.message.bytes must allow it.",
    )

    @field_validator("sasl_mechanism")
    @classmethod
    def _mechanism_for_sasl(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A SASL protocol without a mechanism, or a mechanism never used, fails now rather than when connecting."""
        protocol = info.data.get("security_protocol", "")
        if value is None and protocol.startswith("SASL_"):
            raise ValueError(f"required with security protocol {protocol} (PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)")
        if value is not None and not protocol.startswith("SASL_"):
            # aiokafka would connect without authenticating at all.
            raise ValueError(f"needs security protocol SASL_SSL or SASL_PLAINTEXT, not {protocol}")
        return value

    @field_validator("sasl_username", "sasl_password")
    @classmethod
    def _credentials_for_sasl(cls, value: object, info: ValidationInfo) -> object:
        """A SASL mechanism needs both credentials; aiokafka would only say ``ValueError`` when connecting."""
        mechanism = info.data.get("sasl_mechanism")
        if value is None and mechanism:
            raise ValueError(f"required with SASL mechanism {mechanism}")
        return value

    @field_validator("ssl_cafile", "ssl_certfile", "ssl_keyfile")
    @classmethod
    def _tls_file(cls, value: Path | None, info: ValidationInfo) -> Path | None:
        """A wrong certificate or key is named now, not by the TLS handshake; one never used is refused."""
        protocol = info.data.get("security_protocol", "")
        if value is not None and protocol not in ("SSL", "SASL_SSL"):
            raise ValueError(f"needs security protocol SSL or SASL_SSL, not {protocol}")
        if info.field_name == "ssl_cafile":
            return setting_files.ca_bundle(value) if value else None
        if value is not None:
            setting_files.readable_file(value)
        certfile = info.data.get("ssl_certfile")
        if info.field_name == "ssl_keyfile" and certfile is not None:
            setting_files.client_certificate(certfile, value)
        return value

    def client_options(self) -> dict[str, Any]:
        """Keyword arguments shared by AIOKafkaConsumer, AIOKafkaProducer and the admin client."""
        options: dict[str, Any] = {
            "bootstrap_servers": self.bootstrap_servers,
            "client_id": self.client_id,
            "security_protocol": self.security_protocol,
            "request_timeout_ms": self.request_timeout_ms,
        }
        if self.sasl_mechanism:
            options["sasl_mechanism"] = self.sasl_mechanism
            options["sasl_plain_username"] = self.sasl_username
            options["sasl_plain_password"] = self.sasl_password.get_secret_value() if self.sasl_password else None
        if self.security_protocol in ("SSL", "SASL_SSL"):
            from aiokafka.helpers import create_ssl_context

            options["ssl_context"] = create_ssl_context(
                cafile=self.ssl_cafile, certfile=self.ssl_certfile, keyfile=self.ssl_keyfile
            )
        return options


class TopicSettings(_Section):
    """Topic names; ``prefix`` is prepended to each (e.g. ``staging.``). The topics: ``schemas.topics``."""

    prefix: str = ""
    raw: str = Field(default=RAW.default_name, description=RAW.description)
    enriched: str = Field(default=ENRICHED.default_name, description=ENRICHED.description)
    stance: str = Field(default=STANCE.default_name, description=STANCE.description)
    alerts: str = Field(default=ALERTS.default_name, description=ALERTS.description)
    dlq: str = Field(default=DEAD_LETTERS.default_name, description=DEAD_LETTERS.description)
    partitions: PositiveInt = Field(default=3, description="Partitions used by `stancewire topics create`.")
    replication_factor: PositiveInt = 1

    def name(self, kind: TopicKind, /) -> str:
        """The full topic name, prefix included."""
        return self.prefix + str(getattr(self, kind))


class WorkerSettings(_Section):
    """The enrichment worker's consumer group, batching and limits."""

    group_id: str = "stancewire-enrich"
    batch_size: PositiveInt = Field(default=16, description="Most articles in one fetch and in one annotation call.")
    batch_timeout_ms: PositiveInt = Field(
        default=200, description="How long an idle fetch waits for a first record; a batch is never waited for."
    )
    batch_max_tokens: PositiveInt = Field(
        default=32_000,
        description="Token budget of one batch (estimated at 4 bytes per token); fetched articles past it wait.",
    )
    inference: Literal["thread", "process"] = Field(
        default="thread", description="Where the models run: a thread of the worker, or a child process."
    )
    max_in_flight: PositiveInt = Field(default=4, description="Batches fetched ahead of the annotator.")
    commit_interval_ms: PositiveInt = Field(
        default=500, description="Longest wait before committing finished offsets (what a crash may redeliver)."
    )
    max_body_chars: PositiveInt = Field(default=100_000, description="Longer bodies are dead-lettered.")
    max_title_chars: PositiveInt = Field(default=2_000, description="Longer titles are dead-lettered.")
    stall_timeout_s: PositiveFloat = Field(
        default=300.0,
        description="/healthz fails when work is pending and no batch has finished for this long.",
    )
    dlq_max_consecutive: PositiveInt = Field(
        default=1000, description="Stop after this many dead letters in a row (a bad deploy)."
    )
    dlq_max_ratio: float = Field(
        default=0.9, gt=0.0, le=1.0, description="Stop when more than this share of the last `dlq_window` is dead."
    )
    dlq_window: PositiveInt = Field(default=1000, description="Messages the dead-letter ratio is measured over.")
    delivery: Literal["at_least_once", "exactly_once"] = Field(
        default="at_least_once", description="exactly_once: outputs and offsets in one Kafka transaction per batch."
    )
    transactional_id_prefix: str | None = Field(
        default=None,
        description="Exactly-once: input partition p's producer is `<prefix>-<topic>-<p>`; default: the group id.",
    )
    shutdown_timeout_s: PositiveFloat = 30.0
    auto_offset_reset: Literal["earliest", "latest"] = "earliest"


class NlpSettings(_Section):
    """Which models annotate. Hub ids or local paths work where a model is named."""

    pipeline: Literal["full", "passthrough"] = Field(
        default="full", description="passthrough publishes articles unannotated (measuring the streaming alone)."
    )
    ner_backend: Literal["spacy", "transformers"] = "spacy"
    spacy_model: str = "en_core_web_sm"
    ner_model: str | None = Field(default=None, description="Token-classification model for the transformers backend.")
    encoder: str | None = Field(default=None, description="Sentence encoder; default: the bundled all-MiniLM-L6-v2.")
    stance_backend: Literal["trained", "nli"] = Field(
        default="trained", description="trained: the bundled target-stance model; nli: zero-shot with `nli_model`."
    )
    nli_model: str | None = Field(default=None, description="NLI model (hub id or path) for the nli stance backend.")
    languages: frozenset[str] = Field(
        default=frozenset({"en"}), description="ISO 639-1 codes the models read; others are dead-lettered."
    )
    detect_language: bool = Field(
        default=True, description="Detect the language of articles without one; other languages are dead-lettered."
    )
    torch_threads: PositiveInt = Field(default=max(1, (os.cpu_count() or 1)), description="CPU threads for inference.")
    runtime: Literal["torch", "onnx"] = Field(
        default="onnx",
        description="onnx: the encoder and the stance model on ONNX Runtime; torch: on torch (the same outputs).",
    )
    article_time_budget_s: PositiveFloat = Field(
        default=10.0, description="An article whose annotation takes longer is dead-lettered (AnnotationTimeout)."
    )
    onnx_dir: Path | None = Field(
        default=None, description="Cache of the exported ONNX models; default: `~/.cache/stancewire/onnx`."
    )


class MetricsSettings(_Section):
    """The worker's HTTP endpoints: /metrics, /healthz, /readyz."""

    enabled: bool = True
    host: str = Field(default="0.0.0.0", description="Interface to listen on.")  # noqa: S104 - containers
    port: int = Field(default=9102, ge=0, le=65535, description="0 picks a free port.")


class AlertSettings(_Section):
    """Alert rules, and the escalation app (``stancewire alerts``)."""

    rules_file: Path | None = Field(default=None, description="YAML rules; default: the bundled rules.")
    app_id: str = Field(
        default="stancewire-escalation",
        description="The escalation app's id (after the topic prefix): its consumer group and internal topics.",
    )
    data_dir: Path | None = Field(default=None, description="The escalation app's local state; default: a temp dir.")
    max_future_s: float = Field(
        default=300.0, ge=0, description="Stance events dated more than this ahead of the clock are not counted."
    )

    @field_validator("rules_file")
    @classmethod
    def _rules_file(cls, value: Path | None) -> Path | None:
        """Every command that loads the rules reports a missing file the same way, as this setting."""
        return setting_files.readable_file(value) if value else None


class SinkSettings(_Section):
    """The reference storage subscriber: SQLite by default, PostgreSQL when a DSN is given."""

    group_id: str = "stancewire-sink"
    sqlite_path: Path = Field(default=Path("stancewire.db"), description="SQLite file, used without a DSN.")
    postgres_dsn: SecretStr | None = Field(default=None, description="PostgreSQL DSN; overrides the SQLite file.")
    batch_size: PositiveInt = Field(default=500, description="Records written in one transaction.")
    dead_letter_max_consecutive: PositiveInt = Field(
        default=100, description="Stop after this many records in a row go to `sink_dead_letters` (a bad deploy)."
    )
    retry_max_backoff_s: PositiveFloat = Field(
        default=30.0, description="Longest wait between retries while the database is unavailable."
    )


class WebSettings(_Section):
    """The stance map (``stancewire web``): loopback only unless a bearer token guards the data."""

    host: str = Field(default="127.0.0.1", description="Interface to listen on; another needs a token.")
    port: int = Field(default=8088, ge=0, le=65535, description="0 picks a free port.")
    token: SecretStr | None = Field(default=None, description="Bearer token every data request must carry.")


class Settings(BaseSettings):
    """All stancewire settings."""

    model_config = SettingsConfigDict(
        env_prefix="STANCEWIRE_",
        env_nested_delimiter="__",
        secrets_dir=os.environ.get("STANCEWIRE_SECRETS_DIR"),
        secrets_nested_delimiter="__",
        frozen=True,
        extra="ignore",
    )

    enrichment_version: str = Field(default=__version__, description="Recorded in every event and in event ids.")
    data_dir: Path | None = Field(
        default=None, description="Labelled data for eval and training (see `consumers.datasets`)."
    )
    kafka: KafkaSettings = KafkaSettings()
    topics: TopicSettings = TopicSettings()
    worker: WorkerSettings = WorkerSettings()
    nlp: NlpSettings = NlpSettings()
    alerts: AlertSettings = AlertSettings()
    sink: SinkSettings = SinkSettings()
    web: WebSettings = WebSettings()
    metrics: MetricsSettings = MetricsSettings()
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["rich", "json"] = Field(default="rich", description="json: one JSON object per line.")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Read nested secrets from one file per variable (``stancewire_kafka__sasl_password``)."""
        return init_settings, env_settings, dotenv_settings, NestedSecretsSettingsSource(file_secret_settings)
