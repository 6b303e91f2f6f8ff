"""Reading the translation catalogs with the standard library only.

The CI machine has no gettext tools (the compiled .mo files are committed), so the
tests read .po files, .mo files and the marked strings of the sources themselves.
"""

import ast
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation.template import templatize

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
# Every language but the source one has a catalog.
CATALOG_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

# What makemessages scans: the same extensions, minus the same ignored folders
# (the Makefile-free command in locale/README.md passes these --ignore options).
SOURCE_EXTENSIONS = {".py", ".html", ".txt"}
IGNORED_DIRS = {".venv", "bench", "node_modules", "staticfiles", "media", "locale"}
IGNORED_PATHS = {Path("static/vendor")}

# The gettext functions makemessages passes to xgettext as keywords, with the
# position of (context, singular, plural) among each call's arguments.
KEYWORDS = {
    "_": (None, 0, None),
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}


@dataclass(frozen=True)
class Entry:
    msgctxt: str | None
    msgid: str
    msgid_plural: str | None
    msgstrs: tuple[str, ...]
    flags: frozenset[str]

    @property
    def mo_key(self) -> str:
        """The entry's key in a compiled .mo file (GNU gettext's encoding)."""
        key = self.msgid if self.msgid_plural is None else f"{self.msgid}\0{self.msgid_plural}"
        return key if self.msgctxt is None else f"{self.msgctxt}\x04{key}"


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def mo_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file, header included (msgid ""), obsolete (#~) ones left out."""
    entries: list[Entry] = []
    fields: dict[str, list[str]] = {}
    flags: set[str] = set()

    def close():
        if "msgid" in fields:
            plural_forms = sorted(
                (key for key in fields if key.startswith("msgstr")),
                key=lambda key: int(key[7:-1]) if "[" in key else 0,
            )
            entries.append(
                Entry(
                    msgctxt="".join(fields["msgctxt"]) if "msgctxt" in fields else None,
                    msgid="".join(fields["msgid"]),
                    msgid_plural="".join(fields["msgid_plural"])
                    if "msgid_plural" in fields
                    else None,
                    msgstrs=tuple("".join(fields[key]) for key in plural_forms),
                    flags=frozenset(flags),
                )
            )
        fields.clear()
        flags.clear()

    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        has_msgstr = any(key.startswith("msgstr") for key in fields)
        if not line or (line.startswith("#") and has_msgstr):
            close()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current.append(_unquote(line))
        else:
            keyword, _, quoted = line.partition(" ")
            if keyword in ("msgctxt", "msgid") and has_msgstr:
                close()
            current = fields.setdefault(keyword, [])
            current.append(_unquote(quoted))
    close()
    return entries


def _unquote(quoted: str) -> str:
    # A PO string is a C string literal; its escapes (\n, \t, \", \\) read the same in Python.
    return ast.literal_eval(quoted)


def read_mo(path: Path) -> dict[str, str]:
    """Every message of a compiled .mo file: {key: translation}, the header under ""."""
    data = path.read_bytes()
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">"
    _revision, count, originals_at, translations_at = struct.unpack(order + "4I", data[4:20])

    def string(table_at, index):
        length, offset = struct.unpack(order + "2I", data[table_at + 8 * index :][:8])
        return data[offset : offset + length].decode("utf-8")

    return {string(originals_at, i): string(translations_at, i) for i in range(count)}


def marked_strings() -> set[tuple[str | None, str]]:
    """(context, msgid) of every string the sources mark for translation, found the
    way makemessages finds them: gettext calls in Python, and in templates the calls
    Django's templatize() turns {% translate %} and {% blocktranslate %} into."""
    found: set[tuple[str | None, str]] = set()
    base = Path(settings.BASE_DIR)
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base)
        if (
            path.suffix not in SOURCE_EXTENSIONS
            or not path.is_file()
            or any(part in IGNORED_DIRS or part.startswith(".") for part in relative.parts)
            or any(relative.is_relative_to(ignored) for ignored in IGNORED_PATHS)
        ):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py":
            found |= _python_strings(ast.parse(text))
        else:
            found |= _python_strings_in(templatize(text, origin=str(relative)))
    return found


_CALL = re.compile(r"\b(?:n?p?gettext)\(")


def _python_strings_in(code: str) -> set[tuple[str | None, str]]:
    """The gettext calls in templatize()'s output, which is not Python as a whole:
    each call is parsed on its own, up to the first closing parenthesis that ends it."""
    found: set[tuple[str | None, str]] = set()
    for match in _CALL.finditer(code):
        end = match.end()
        while (end := code.find(")", end) + 1) > 0:
            try:
                tree = ast.parse(code[match.start() : end])
            except SyntaxError:
                continue
            found |= _python_strings(tree)
            break
    return found


def _python_strings(tree: ast.AST) -> set[tuple[str | None, str]]:
    found: set[tuple[str | None, str]] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in KEYWORDS:
            continue
        context_at, singular_at, _plural_at = KEYWORDS[name]
        args = [arg.value if isinstance(arg, ast.Constant) else None for arg in node.args]
        if len(args) <= singular_at or not isinstance(args[singular_at], str):
            continue
        context = args[context_at] if context_at is not None else None
        found.add((context, args[singular_at]))
    return found
