"""Container health probe: `python -m core.probe [URL]` exits 0 when /healthz is 200.

It asks the way the reverse proxy does, with an allowed Host and the forwarded
HTTPS scheme, so neither ALLOWED_HOSTS nor the SSL redirect turns it away.
"""

import os
import sys
import urllib.error
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8000/healthz"


def probe(url: str = DEFAULT_URL, timeout: float = 5) -> bool:
    host = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip().lstrip(".")
    request = urllib.request.Request(  # noqa: S310 (the URL is ours, http on loopback)
        url, headers={"Host": host, "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


if __name__ == "__main__":
    sys.exit(0 if probe(*sys.argv[1:2]) else 1)
