import os

import pytest
from django.utils import translation

# Which real services this run talks to. Tests that need one skip without it on a
# laptop; CI sets both and treats any skip as a failure (see pytest_sessionfinish).
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")

requires_postgres = pytest.mark.skipif(
    not DATABASE_URL.startswith(("postgres://", "postgresql://", "pgsql://")),
    reason="needs PostgreSQL: set DATABASE_URL=postgres://...",
)
requires_redis = pytest.mark.skipif(not REDIS_URL, reason="needs Redis: set REDIS_URL=redis://...")


@pytest.fixture(autouse=True, scope="session")
def _jinja2_context_in_responses():
    """response.context for Jinja2 pages as for Django templates: Django's test
    environment instruments only its own engine, so the public pages (Jinja2)
    announce their context the same way here."""
    from django.template.backends.jinja2 import Template
    from django.test.signals import template_rendered

    render = Template.render

    def render_and_announce(self, context=None, request=None):
        context = {} if context is None else context
        content = render(self, context, request)
        template_rendered.send(sender=self, template=self, context=context)
        return content

    Template.render = render_and_announce
    yield
    Template.render = render


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage of production needs collectstatic first; tests render
    # templates straight from static/ instead. tests/test_static.py covers the manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"} and skipped:
        reporter.write_line(
            f"CI: {len(skipped)} test(s) skipped; in CI every test must run.", red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    # LocaleMiddleware activates the page's language and leaves it active in the
    # test's thread: without this, a test after a /th/ request would run code outside
    # any request (a service, a task) in Thai.
    yield
    translation.deactivate()
