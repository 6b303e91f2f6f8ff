"""Production serves hashed, compressed assets: collectstatic must resolve every reference."""

import json
import subprocess
import sys
from pathlib import Path

from tests.test_settings import ROOT, production_env


def test_collectstatic_with_manifest_storage_builds_every_asset(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=production_env(STATIC_ROOT=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    paths = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for asset in (
        "vendor/bootstrap/bootstrap.trimmed.min.css",
        "vendor/bootstrap/bootstrap.bundle.min.js",
        "vendor/bootstrap-icons/bootstrap-icons.trimmed.min.css",
        "css/portal.css",
    ):
        assert (tmp_path / paths[asset]).is_file()
        assert (tmp_path / f"{paths[asset]}.gz").is_file()
