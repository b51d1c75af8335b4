"""The deployment files stay in step with the program: every setting documented, compose wired to Qdrant."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_env_example_documents_every_setting() -> None:
    documented = set(re.findall(r"^#?\s*(DQA_[A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    expected = {f"DQA_{name.upper()}" for name in Settings.model_fields}
    assert expected - documented == set(), "settings missing from .env.example"


def test_compose_runs_the_app_against_a_healthy_pinned_qdrant() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    qdrant, app = compose["services"]["qdrant"], compose["services"]["app"]
    assert re.fullmatch(r"qdrant/qdrant:v\d+\.\d+\.\d+", qdrant["image"])  # pinned, not :latest
    assert "healthcheck" in qdrant and any(v.endswith(":/qdrant/storage") for v in qdrant["volumes"])
    assert app["environment"]["DQA_QDRANT_URL"] == "http://qdrant:6333"
    assert app["depends_on"]["qdrant"]["condition"] == "service_healthy"
    assert "8000:8000" in app["ports"]
    assert any(v.endswith(":/data") for v in app["volumes"])
    assert set(compose["volumes"]) >= {"qdrant-storage", "app-data"}


def test_dockerfile_is_slim_non_root_and_health_checked() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    instructions = [line for line in dockerfile.splitlines() if line and not line.startswith("#")]
    assert instructions[0] == "FROM python:3.11-slim"
    assert "torch" not in " ".join(i for i in instructions if i.lstrip().startswith("RUN"))
    assert re.search(r"^USER (?!root)\w+", dockerfile, re.M)
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", dockerfile, re.M)
    assert '"assistant", "serve", "--host", "0.0.0.0", "--port", "8000"' in dockerfile
    assert (ROOT / "deploy" / "entrypoint.sh").stat().st_mode & 0o111
