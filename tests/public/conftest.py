import pytest


@pytest.fixture
def no_page_cache(settings):
    """Every request renders: for query counts, which a cached page would hide. The
    smaller reads cached per content generation (years, filter choices, reference
    names) are cached as in production: a test reads them once before it counts."""
    settings.PAGE_CACHE_ENABLED = False
