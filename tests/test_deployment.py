"""docker-compose.yml cannot run here (no Docker engine); keep it true to the settings."""

import re
from pathlib import Path

import pytest
import yaml

from core.probe import probe

ROOT = Path(__file__).resolve().parent.parent
APP_SERVICES = ("web", "worker", "beat")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def env_example_keys():
    lines = (ROOT / ".env.example").read_text().splitlines()
    return {line.split("=", 1)[0] for line in lines if line and not line.startswith("#")}


def settings_env_keys():
    source = (ROOT / "rso_portal" / "settings.py").read_text()
    return set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z_]+)"', source))


def command_of(service):
    command = service["command"]
    return command if isinstance(command, str) else " ".join(command)


def test_compose_has_the_production_stack(compose):
    assert set(compose["services"]) == {"proxy", "web", "worker", "beat", "db", "redis", "cache"}
    assert set(compose["volumes"]) == {"pgdata", "media"}


def test_compose_publishes_only_the_proxy(compose):
    published = {name for name, service in compose["services"].items() if "ports" in service}

    assert published == {"proxy"}
    assert compose["services"]["proxy"]["ports"] == ["80:80", "443:443"]


def test_proxy_replaces_forwarded_headers_and_is_the_trusted_network(compose):
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    subnet = compose["networks"]["portal"]["ipam"]["config"][0]["subnet"]
    values = dict(
        line.split("=", 1)
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )

    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx
    assert values["TRUSTED_PROXIES"] == subnet


def test_cache_has_its_own_evicting_redis_and_the_broker_none(compose):
    cache, broker = compose["services"]["cache"], compose["services"]["redis"]
    values = dict(
        line.split("=", 1)
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )

    assert "--maxmemory-policy allkeys-lru" in cache["command"]
    assert "--maxmemory 256mb" in cache["command"]
    assert "--maxmemory-policy noeviction" in broker["command"]
    assert values["CACHE_URL"] == "redis://cache:6379/0"


def test_compose_commands_start_gunicorn_and_celery(compose):
    services = compose["services"]

    assert "gunicorn rso_portal.wsgi:application" in command_of(services["web"])
    assert "migrate --noinput" in command_of(services["web"])
    assert command_of(services["worker"]).startswith("celery -A rso_portal worker")
    assert command_of(services["beat"]).startswith("celery -A rso_portal beat")


def test_compose_app_services_share_env_media_and_wait_for_healthy_services(compose):
    for name in APP_SERVICES:
        service = compose["services"][name]
        assert service["env_file"] == ".env"
        assert service["volumes"] == ["media:/app/media"]
        assert service["depends_on"] == {
            "db": {"condition": "service_healthy"},
            "redis": {"condition": "service_healthy"},
            "cache": {"condition": "service_healthy"},
        }


def test_compose_has_health_checks(compose):
    services = compose["services"]

    assert services["web"]["healthcheck"]["test"] == ["CMD", "python", "-m", "core.probe"]
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert services["redis"]["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]
    assert services["db"]["volumes"] == ["pgdata:/var/lib/postgresql/data"]


def test_env_example_names_only_variables_the_settings_read():
    database_container_keys = {"POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD"}

    assert env_example_keys() - database_container_keys <= settings_env_keys()
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"} <= env_example_keys()


def test_env_example_database_matches_the_db_service():
    values = dict(
        line.split("=", 1)
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )
    user, password, db = values["POSTGRES_USER"], values["POSTGRES_PASSWORD"], values["POSTGRES_DB"]

    assert values["DATABASE_URL"] == f"postgres://{user}:{password}@db:5432/{db}"
    assert values["REDIS_URL"].startswith("redis://redis:6379/")


def test_readme_documents_every_setting():
    readme = (ROOT / "README.md").read_text()

    missing = {key for key in settings_env_keys() if f"`{key}`" not in readme}
    assert missing == set()


def test_dockerfile_installs_requirements_and_collects_static():
    dockerfile = (ROOT / "Dockerfile").read_text()

    assert dockerfile.startswith("FROM python:3.11")
    assert "pip install -r requirements.txt" in dockerfile
    assert "collectstatic --noinput" in dockerfile


@pytest.mark.django_db(transaction=True)
def test_probe_passes_against_a_running_server(live_server, settings, monkeypatch):
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    monkeypatch.setenv("ALLOWED_HOSTS", "portal.example.org")

    assert probe(f"{live_server.url}/healthz") is True
    assert probe("http://127.0.0.1:1/healthz", timeout=1) is False


def test_dockerignore_keeps_local_secrets_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text().split()

    assert ".env" in ignored
    assert ".dev-secret-key" in ignored
