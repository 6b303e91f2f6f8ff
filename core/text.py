"""Text typed by staff, shown on public pages: Markdown, sanitised.

Editors write article bodies, newsletter stories and event descriptions as Markdown
(paragraphs, lists, links, emphasis). The HTML Markdown makes is passed through nh3
(the Ammonia sanitiser) with a short allowlist: Markdown lets raw HTML through, and
what an editor pastes from a web page or a word processor must not bring a script, a
style or an inline event handler onto a page served under our strict CSP.
"""

import re

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
    "em",
    "strong",
    "blockquote",
    "code",
    # No h1: the page's title is its only one.
    "h2",
    "h3",
    "h4",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}

# Lists pasted from a document ("• item") become Markdown list items.
_BULLET = re.compile(r"^[ \t]*[•▪‣◦][ \t]+", re.MULTILINE)
# Markdown needs a blank line before a list that follows a paragraph line; editors
# rarely type one ("Topics:\n- a\n- b"), so it is added.
_LIST_AFTER_TEXT = re.compile(
    r"^(?![ \t]*(?:[-*+]|\d+\.)[ \t])(.*\S.*)\n(?=[ \t]*(?:[-*+]|\d+\.)[ \t])", re.MULTILINE
)


def render_markdown(text: str) -> SafeString:
    """`text` (Markdown) as sanitised HTML, safe to put in a template as is."""
    if not text:
        return mark_safe("")
    text = _BULLET.sub("- ", text)
    text = _LIST_AFTER_TEXT.sub(r"\1\n\n", text)
    html = markdown_lib.markdown(text, output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def paragraphs(text: str) -> list[str]:
    """The blocks of `text` separated by blank lines, each stripped."""
    return [block.strip() for block in re.split(r"\n[ \t]*\n", text.strip()) if block.strip()]


def without_lead(body: str, lead: str) -> str:
    """`body` without its first paragraph when that paragraph is `lead` (whitespace
    aside): pages print the lead above the body, and seed-style articles open their
    body with the very sentence their summary is."""
    blocks = paragraphs(body)
    if blocks and " ".join(blocks[0].split()) == " ".join(lead.split()):
        blocks = blocks[1:]
    return "\n\n".join(blocks)
