"""The Kubernetes manifests (docker/k8s): valid resources, wired to the settings and endpoints the code has.

Core kinds are validated by kubernetes-validate (the API's OpenAPI schemas, strict: an unknown field
fails); KEDA's ScaledObject and the Prometheus Operator's kinds by models generated from their CRD
schemas (cloudcoil), refusing unknown fields too. The base and the overlay are rendered with
``kubectl kustomize`` (or ``kustomize build``) where one is installed; the files are checked either way.
"""

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import certifi
import kubernetes_validate
import pytest
import yaml
from cloudcoil.models.keda.v1alpha1 import ScaledObject, TriggerAuthentication
from cloudcoil.models.prometheus_operator.v1 import PrometheusRule, ServiceMonitor
from pydantic import BaseModel

from consumers.settings import MetricsSettings, Settings, TopicSettings, WorkerSettings
from tests.unit.test_readme import env_names

K8S = Path(__file__).resolve().parents[1] / "docker" / "k8s"
BASE, EXACTLY_ONCE, SECURED = K8S / "base", K8S / "overlays" / "exactly-once", K8S / "overlays" / "secured"
RULES = Path(__file__).resolve().parents[1] / "docker" / "prometheus" / "stancewire-rules.yaml"
KUBERNETES_VERSION = "1.33.0"
CRD_MODELS: dict[str, type[BaseModel]] = {
    "ScaledObject": ScaledObject,
    "TriggerAuthentication": TriggerAuthentication,
    "ServiceMonitor": ServiceMonitor,
    "PrometheusRule": PrometheusRule,
}
WORKLOADS = ("Deployment", "StatefulSet", "Job")
Resource = dict[str, Any]


def _documents(path: Path) -> list[Resource]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def _manifest_files() -> Iterator[Path]:
    for path in sorted(K8S.rglob("*.yaml")):
        if path.name != "kustomization.yaml":
            yield path


def _kubectl_kustomize_major() -> int:
    """The major version of the kustomize built into kubectl (0 when unknown)."""
    output = subprocess.run(
        ["kubectl", "version", "--client", "-o", "json"], capture_output=True, text=True, check=False
    )
    try:
        return int(json.loads(output.stdout).get("kustomizeVersion", "v0").lstrip("v").split(".")[0])
    except ValueError:
        return 0


def _kustomize() -> list[str] | None:
    if shutil.which("kustomize"):
        return ["kustomize", "build"]
    # The manifests are rendered with kustomize 5, as written for (old kubectl builds embed kustomize 2).
    if shutil.which("kubectl") and _kubectl_kustomize_major() >= 5:
        return ["kubectl", "kustomize"]
    return None


def _render(directory: Path) -> list[Resource]:
    command = _kustomize()
    if command is None:
        pytest.skip("no kustomize 5 (kustomize, or kubectl's): the files are checked, not the rendered output")
    output = subprocess.run([*command, str(directory)], capture_output=True, text=True, check=True, timeout=60)
    return [doc for doc in yaml.safe_load_all(output.stdout) if doc]


def _validate(resource: Resource) -> None:
    """Raise on any field the kind's schema does not have, or a value of the wrong type."""
    model = CRD_MODELS.get(resource["kind"])
    if model is not None:
        model.model_validate(resource, extra="forbid")
    else:
        kubernetes_validate.validate(resource, KUBERNETES_VERSION, strict=True)


def _find(resources: list[Resource], kind: str, name: str) -> Resource:
    [found] = [r for r in resources if r["kind"] == kind and r["metadata"]["name"].startswith(name)]
    return found


@pytest.fixture(scope="module", params=[BASE, EXACTLY_ONCE, SECURED], ids=["base", "exactly-once", "secured"])
def rendered(request: pytest.FixtureRequest) -> list[Resource]:
    return _render(request.param)


@pytest.mark.parametrize("path", list(_manifest_files()), ids=lambda p: str(p.relative_to(K8S)))
def test_every_manifest_file_is_valid(path: Path) -> None:
    for resource in _documents(path):
        _validate(resource)


def test_the_validators_refuse_an_unknown_field() -> None:
    deployment = _documents(BASE / "worker-deployment.yaml")[0]
    deployment["spec"]["template"]["spec"]["containers"][0]["securityContxt"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        _validate(deployment)
    scaled = _documents(BASE / "worker-scaledobject.yaml")[0]
    scaled["spec"]["maxReplicas"] = 3
    with pytest.raises(ValueError, match="maxReplicas"):
        _validate(scaled)


def test_every_kustomization_lists_existing_files() -> None:
    for kustomization in K8S.rglob("kustomization.yaml"):
        for entry in yaml.safe_load(kustomization.read_text()).get("resources", []):
            assert (kustomization.parent / entry).exists(), f"{kustomization}: {entry}"
    listed = set(yaml.safe_load((BASE / "kustomization.yaml").read_text())["resources"])
    assert listed == {path.name for path in BASE.glob("*.yaml")} - {"kustomization.yaml"}


def test_rendered_resources_are_valid_and_references_resolve(rendered: list[Resource]) -> None:
    config_maps = {r["metadata"]["name"] for r in rendered if r["kind"] == "ConfigMap"}
    for resource in rendered:
        _validate(resource)
        if resource["kind"] != "Namespace":
            assert resource["metadata"]["namespace"] == "stancewire", resource["metadata"]["name"]
        for pod in _pod_specs([resource]):
            for container in pod["containers"]:
                assert container["image"] == "stancewire:0.1.0"
                assert {ref["configMapRef"]["name"] for ref in container["envFrom"]} <= config_maps


def _pod_specs(resources: list[Resource]) -> Iterator[Resource]:
    for resource in resources:
        if resource["kind"] in WORKLOADS:
            yield resource["spec"]["template"]["spec"]


def _config(rendered: list[Resource]) -> dict[str, str]:
    data: dict[str, str] = _find(rendered, "ConfigMap", "stancewire-config")["data"]
    return data


def _secret_keys(rendered: list[Resource]) -> set[str]:
    """The keys the manifests expect in the Secret ``stancewire-secrets``."""
    config = _config(rendered)
    mount = config["STANCEWIRE_SECRETS_DIR"]
    keys = {Path(value).name for value in config.values() if value.startswith(f"{mount}/")}
    for resource in rendered:
        if resource["kind"] == "TriggerAuthentication":
            keys |= {ref["key"] for ref in resource["spec"]["secretTargetRef"]}
    return keys


def test_the_configuration_is_made_of_real_settings_that_load(
    rendered: list[Resource], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = _config(rendered)
    assert set(config) <= env_names(Settings) | {"STANCEWIRE_SECRETS_DIR"}
    for pod in _pod_specs(rendered):
        for container in pod["containers"]:
            for variable in container.get("env", []):
                assert variable["name"] in env_names(Settings), variable["name"]
    # The Secret as an operator would fill it (a real CA bundle), mounted where the manifests say.
    for key in _secret_keys(rendered):
        (tmp_path / key).write_bytes(Path(certifi.where()).read_bytes() if key.endswith(".pem") else b"secret")
    mount = config["STANCEWIRE_SECRETS_DIR"]
    for name, value in config.items():
        monkeypatch.setenv(name, value.replace(mount, str(tmp_path), 1))
    settings = Settings(_secrets_dir=tmp_path)  # type: ignore[call-arg]
    assert settings.topics.partitions == int(config["STANCEWIRE_TOPICS__PARTITIONS"])
    if settings.kafka.sasl_mechanism:
        assert settings.kafka.sasl_username == "secret" and settings.kafka.sasl_password is not None


def test_keda_reads_the_lag_as_the_workers_connect(rendered: list[Resource]) -> None:
    config = _config(rendered)
    [trigger] = _find(rendered, "ScaledObject", "stancewire-worker")["spec"]["triggers"]
    secured = config.get("STANCEWIRE_KAFKA__SECURITY_PROTOCOL", "PLAINTEXT") == "SASL_SSL"
    assert ("authenticationRef" in trigger) == secured
    if secured:
        authentication = _find(rendered, "TriggerAuthentication", trigger["authenticationRef"]["name"])["spec"]
        refs = {ref["parameter"]: ref for ref in authentication["secretTargetRef"]}
        assert refs["username"]["key"] == "stancewire_kafka__sasl_username"
        assert refs["password"]["key"] == "stancewire_kafka__sasl_password"
        assert {ref["name"] for ref in refs.values()} == {"stancewire-secrets"}
        mechanism = (
            config["STANCEWIRE_KAFKA__SASL_MECHANISM"].lower().replace("-", "_").replace("scram_sha_", "scram_sha")
        )
        assert (trigger["metadata"]["sasl"], trigger["metadata"]["tls"]) == (mechanism, "enable")


def test_every_container_runs_locked_down(rendered: list[Resource]) -> None:
    for pod in _pod_specs(rendered):
        assert pod["securityContext"]["runAsNonRoot"] is True and pod["securityContext"]["runAsUser"] != 0
        assert pod["automountServiceAccountToken"] is False
        for container in pod["containers"]:
            context = container["securityContext"]
            assert context["allowPrivilegeEscalation"] is False and context["readOnlyRootFilesystem"] is True
            assert context["capabilities"]["drop"] == ["ALL"]
            assert {"cpu", "memory"} <= set(container["resources"]["requests"])
            assert "memory" in container["resources"]["limits"]


WRITTEN = ("STANCEWIRE_NLP__ONNX_DIR", "STANCEWIRE_ALERTS__DATA_DIR", "STANCEWIRE_SINK__SQLITE_PATH")


def test_whatever_the_app_writes_is_on_a_writable_volume(rendered: list[Resource]) -> None:
    for pod in _pod_specs(rendered):
        volumes = {volume["name"]: volume for volume in pod["volumes"]}
        for container in pod["containers"]:
            writable = [m["mountPath"] for m in container["volumeMounts"] if not m.get("readOnly")]
            assert "/tmp" in writable
            for variable in container.get("env", []):
                if variable["name"] in WRITTEN:
                    assert any(Path(variable["value"]).is_relative_to(mount) for mount in writable), variable
            for mount in container["volumeMounts"]:
                volume = volumes[mount["name"]]
                assert {"emptyDir", "persistentVolumeClaim", "secret"} & set(volume), mount


def _worker(rendered: list[Resource]) -> Resource:
    [worker] = [r for r in rendered if r["kind"] in WORKLOADS and r["metadata"]["name"] == "stancewire-worker"]
    return worker


MEASURED_WORKER_PEAK_MB = 457


def _mebibytes(quantity: str) -> float:
    units = {"Mi": 1.0, "Gi": 1024.0}
    return float(quantity[:-2]) * units[quantity[-2:]]


def test_the_worker_is_probed_on_its_health_endpoints(rendered: list[Resource]) -> None:
    [container] = _worker(rendered)["spec"]["template"]["spec"]["containers"]
    [port] = container["ports"]
    assert (port["name"], port["containerPort"]) == ("metrics", MetricsSettings().port)
    assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "metrics"}
    assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "metrics"}
    assert container["startupProbe"]["httpGet"]["path"] == "/healthz"
    memory = container["resources"]
    request, limit = (_mebibytes(memory[kind]["memory"]) for kind in ("requests", "limits"))
    assert MEASURED_WORKER_PEAK_MB < request <= limit  # the image's worker: README, "Deploying with Docker"


def test_keda_scales_the_worker_on_its_lag_up_to_one_per_partition(rendered: list[Resource]) -> None:
    config, worker = _config(rendered), _worker(rendered)
    spec = _find(rendered, "ScaledObject", "stancewire-worker")["spec"]
    assert spec["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": worker["kind"], "name": "stancewire-worker"}
    assert spec["maxReplicaCount"] == int(config["STANCEWIRE_TOPICS__PARTITIONS"])
    assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"]
    [trigger] = spec["triggers"]
    prefix = config.get("STANCEWIRE_TOPICS__PREFIX", "")
    assert trigger["type"] == "kafka"
    assert trigger["metadata"]["topic"] == TopicSettings(prefix=prefix).name("raw")
    assert trigger["metadata"]["consumerGroup"] == config.get("STANCEWIRE_WORKER__GROUP_ID", WorkerSettings().group_id)
    assert trigger["metadata"]["bootstrapServers"] == config["STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS"]
    assert trigger["metadata"]["allowIdleConsumers"] == "false" and int(trigger["metadata"]["lagThreshold"]) > 0
    assert "replicas" not in worker["spec"]  # KEDA's to set


def test_the_disruption_budget_and_the_monitor_select_the_worker(rendered: list[Resource]) -> None:
    labels = _worker(rendered)["spec"]["template"]["metadata"]["labels"]
    service = _find(rendered, "Service", "stancewire-worker")
    for selector in (
        _find(rendered, "PodDisruptionBudget", "stancewire-worker")["spec"]["selector"]["matchLabels"],
        service["spec"]["selector"],
    ):
        assert selector.items() <= labels.items()
    monitor = _find(rendered, "ServiceMonitor", "stancewire-worker")["spec"]
    assert monitor["selector"]["matchLabels"].items() <= service["metadata"]["labels"].items()
    assert {e["port"] for e in monitor["endpoints"]} <= {p["name"] for p in service["spec"]["ports"]}
    assert service["spec"]["clusterIP"] == "None"


def test_exactly_once_keeps_the_worker_a_deployment_and_sets_the_delivery() -> None:
    """Transactional ids follow partitions, not pods: no stable pod names needed, nothing else changes."""
    rendered, base = _render(EXACTLY_ONCE), _render(BASE)
    worker, base_worker = _worker(rendered), _worker(base)
    assert worker["kind"] == "Deployment"
    container, base_container = (
        worker["spec"]["template"]["spec"]["containers"][0],
        base_worker["spec"]["template"]["spec"]["containers"][0],
    )
    assert container.get("args") == base_container.get("args") and container.get("env") == base_container.get("env")
    assert _config(rendered)["STANCEWIRE_WORKER__DELIVERY"] == "exactly_once"
    assert "STANCEWIRE_WORKER__DELIVERY" not in _config(base)


def test_the_prometheus_rule_carries_the_rule_file() -> None:
    [rule] = _documents(BASE / "prometheus-rules.yaml")
    assert rule["spec"]["groups"] == yaml.safe_load(RULES.read_text())["groups"]
