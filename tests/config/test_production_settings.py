"""Production settings come only from the environment and pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "k3y-for-the-deploy-check-only-"
    + "x9Q7mZ2pL5wR8tY4uI1oP6aS3dF0gH",
    "DJANGO_ALLOWED_HOSTS": "hocvuso.example.vn",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_manage(*args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_no_warning():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required in production" in result.stderr


def test_production_refuses_to_start_without_a_database_url():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DATABASE_URL"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DATABASE_URL is required in production" in result.stderr


def test_production_masks_codes_in_the_outbox_and_the_embedded_default_shows_them():
    read = (
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SMS_OUTBOX_SHOW_CODES)",
    )
    production = run_manage(*read, env=PRODUCTION_ENV)
    assert production.returncode == 0, production.stderr
    assert production.stdout.strip().splitlines()[-1] == "False"
    embedded = run_manage(*read, env={})
    assert embedded.returncode == 0, embedded.stderr
    assert embedded.stdout.strip().splitlines()[-1] == "True"
