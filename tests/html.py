"""Reading rendered pages the way a CSP-enforcing browser would."""

from html.parser import HTMLParser


class InlineCodeFinder(HTMLParser):
    """Collects everything a strict Content Security Policy would block."""

    def __init__(self):
        super().__init__()
        self.violations: list[str] = []
        self.external_assets: list[str] = []
        self._in_script_without_src = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in attributes:
            if name.startswith("on") or name == "style":
                self.violations.append(f"<{tag} {name}=...>")
        if tag == "style":
            self.violations.append("<style> element")
        if tag == "script":
            src = attributes.get("src")
            is_data = attributes.get("type") == "application/json"
            self._in_script_without_src = not src and not is_data
            if src and src.startswith(("http:", "https:", "//")):
                self.external_assets.append(src)
        if tag == "link" and attributes.get("rel") == "stylesheet":
            href = attributes.get("href") or ""
            if href.startswith(("http:", "https:", "//")):
                self.external_assets.append(href)

    def handle_data(self, data):
        if self._in_script_without_src and data.strip():
            self.violations.append(f"inline <script>: {data.strip()[:40]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script_without_src = False


def csp_violations(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.violations


def external_assets(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.external_assets
