"""Reading the parts of a rendered page that translation changes."""

from html.parser import HTMLParser
from urllib.parse import unquote

VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Element:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = {name: value or "" for name, value in attrs}
        self.parent = parent
        self.text: list[str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def within(self, tag) -> bool:
        element = self.parent
        while element is not None:
            if element.tag == tag:
                return True
            element = element.parent
        return False


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[_Element] = []
        self._open: list[_Element] = []

    def handle_starttag(self, tag, attrs):
        element = _Element(tag, attrs, self._open[-1] if self._open else None)
        self.elements.append(element)
        if tag not in VOID_ELEMENTS:
            self._open.append(element)

    def handle_endtag(self, tag):
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                break

    def handle_data(self, data):
        for element in self._open:
            element.text.append(data)


def elements(html: str) -> list[_Element]:
    reader = _Reader()
    reader.feed(html)
    return reader.elements


def text(element: _Element) -> str:
    return " ".join("".join(element.text).split())


def html_lang(html: str) -> str:
    return next(e.attrs.get("lang") for e in elements(html) if e.tag == "html")


def main_navigation(html: str) -> list[str]:
    """The labels of the header's navigation links, in order."""
    return [
        text(e)
        for e in elements(html)
        if e.tag == "a" and "nav-link" in e.classes and e.within("header")
    ]


def language_links(html: str) -> list[tuple[str, str, str]]:
    """(hreflang, the address it leads to, label) of the header's language switcher:
    each link goes through /language/<code>/, which remembers the choice, to `next`."""
    links = []
    for e in elements(html):
        if e.tag == "a" and "hreflang" in e.attrs and e.within("header"):
            path, _, query = e.attrs["href"].partition("?next=")
            assert path == f"/language/{e.attrs['hreflang']}/"
            links.append((e.attrs["hreflang"], unquote(query), text(e)))
    return links


def texts_of(html: str, tag: str, **attrs: str) -> list[str]:
    """The text of every `tag` element whose attributes include `attrs`."""
    return [
        text(e)
        for e in elements(html)
        if e.tag == tag and all(e.attrs.get(name) == value for name, value in attrs.items())
    ]


def by_id(html: str, tag: str, css_class: str) -> dict[str, str]:
    """{id: text} of the `tag` elements with `css_class`."""
    return {
        e.attrs.get("id", ""): text(e)
        for e in elements(html)
        if e.tag == tag and css_class in e.classes
    }


def select_options(html: str, select_id: str) -> list[str]:
    """The option labels of the select element `select_id`."""
    return [
        text(e)
        for e in elements(html)
        if e.tag == "option" and e.parent is not None and e.parent.attrs.get("id") == select_id
    ]
