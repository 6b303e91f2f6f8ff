import pytest


@pytest.fixture
def no_page_cache(settings):
    """Every request renders: for query counts, which a cached page would hide."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
