"""One event, one log line, at the level it deserves."""

import os
import subprocess
import sys
from pathlib import Path

from django.http import HttpResponse
from django.test import RequestFactory

from core.middleware import HeadWithoutBodyMiddleware

ROOT = Path(__file__).resolve().parent.parent

BAD_HOST_REQUEST = """
from django.test import Client
status = Client(HTTP_HOST="evil.example").get("/news/").status_code
print("STATUS", status)
"""


def test_bad_host_header_is_one_warning_line_without_traceback():
    env = {
        **os.environ,
        "DATABASE_URL": "sqlite://:memory:",
        "REDIS_URL": "",
        "CACHE_URL": "locmemcache://",
        "LOG_LEVEL": "INFO",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", BAD_HOST_REQUEST],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )

    lines = [line for line in result.stderr.splitlines() if "evil.example" in line]
    assert "STATUS 400" in result.stdout
    assert len(lines) == 1
    assert " WARNING django.security.DisallowedHost " in lines[0]
    assert "Traceback" not in result.stderr


def test_head_response_has_the_headers_of_get_and_no_body():
    def page(request):
        response = HttpResponse("<p>the page</p>")
        response["Content-Length"] = "15"
        return response

    middleware = HeadWithoutBodyMiddleware(page)

    head = middleware(RequestFactory().head("/news/"))
    get = middleware(RequestFactory().get("/news/"))

    assert head.content == b""
    assert head["Content-Length"] == get["Content-Length"] == "15"
    assert get.content == b"<p>the page</p>"
