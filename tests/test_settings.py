"""Settings come from the environment; production refuses unsafe defaults."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def production_env(**overrides):
    """The environment of .env.example, as deployment uses it, on top of a bare one."""
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "rso_portal.settings"}
    for line in (ROOT / ".env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key] = value
    # .env.example names the compose hosts; the check needs no live service.
    env["DATABASE_URL"] = "sqlite:///:memory:"
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_start_without_secret_key_fails_with_clear_message():
    env = production_env()
    del env["SECRET_KEY"]

    result = run_manage("check", env=env)

    assert result.returncode == 1
    assert "SECRET_KEY is not set" in result.stderr


def test_check_deploy_with_production_env_reports_no_issue():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_production_env_turns_https_protections_on():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, s.X_FRAME_OPTIONS, s.CELERY_TASK_ALWAYS_EAGER)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.stdout.split() == [
        "False",
        "True",
        "True",
        "True",
        "31536000",
        "DENY",
        "False",
    ], result.stderr


@pytest.mark.django_db
def test_migrations_are_in_step_with_models():
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)
