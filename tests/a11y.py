"""Every public page, for the accessibility and HTML validity checks, and the axe-core
runner the browser tests use."""

from publications.models import Publication
from tests.factories.publications import PublicationFileFactory
from tests.public.site import build_public_site

# The contact form posted incomplete: the page a visitor sees when the server refuses it.
CONTACT_ERRORS = "/contact/ (posted with errors)"

# axe-core's impacts, mildest first; the quality bar is none above "moderate".
BLOCKING_IMPACTS = ("serious", "critical")


def build_checked_pages() -> list[str]:
    """Builds the public site and returns the address of every kind of public page,
    in English and under /id/: lists with items, an event with a programme (days,
    sessions, speakers, partners), a publication with files in two languages and a
    video, a highlights issue, the 404 page and the thank-you page."""
    site = build_public_site()
    publication = Publication.objects.get(slug="directory")
    PublicationFileFactory(publication=publication, language="id", label="Direktori layanan")
    return [*site.pages, "/id/events/", "/id/events/?when=past"]


def run_axe(page) -> list[dict]:
    """axe-core's violations of impact serious or critical on the page loaded in
    `page`, each as {id, impact, help, targets}.

    axe.min.js (bundled by axe-playwright-python) goes in through Playwright's evaluate,
    over DevTools rather than as a <script> of the page, so our CSP (script-src 'self')
    doesn't block it: no bypass_csp context is needed, and pages are checked as
    visitors get them. Bypassing the CSP would apply styles it refuses in real browsers
    and skew the contrast checks."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [", ".join(node["target"]) for node in violation["nodes"]],
        }
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]
