"""The translation catalogs are complete, well-formed and compiled.

A string marked in a template but missing from the catalogs, a msgid left empty or
fuzzy, or a .po edited without `compilemessages` would each show English on a
translated page without any error; these tests turn each into a failure.
"""

import re

import pytest

from tests.i18n.catalogs import (
    CATALOG_LANGUAGES,
    marked_strings,
    mo_path,
    po_path,
    read_mo,
    read_po,
)

# %(name)s placeholders and HTML tags must come through a translation unchanged.
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|<[^>]+>")

languages = pytest.mark.parametrize("language", CATALOG_LANGUAGES)


def messages(language):
    """The .po entries without the header (msgid "")."""
    return [entry for entry in read_po(po_path(language)) if entry.msgid]


def test_catalogs_exist_for_every_language_but_english():
    assert CATALOG_LANGUAGES == ["id", "ms", "vi", "th"]
    assert [po_path(language).is_file() for language in CATALOG_LANGUAGES] == [True] * 4
    assert [mo_path(language).is_file() for language in CATALOG_LANGUAGES] == [True] * 4


@languages
def test_catalog_has_no_untranslated_message(language):
    untranslated = [entry.msgid for entry in messages(language) if not all(entry.msgstrs)]

    assert untranslated == []


@languages
def test_catalog_has_no_fuzzy_entry(language):
    fuzzy = [entry.msgid for entry in read_po(po_path(language)) if "fuzzy" in entry.flags]

    assert fuzzy == []


@languages
def test_catalog_header_declares_its_language_and_one_plural_form(language):
    header = read_po(po_path(language))[0]
    fields = dict(line.split(": ", 1) for line in header.msgstrs[0].splitlines())

    assert (header.msgid, fields["Language"], fields["Plural-Forms"]) == (
        "",
        language,
        "nplurals=1; plural=0;",
    )


@languages
def test_catalog_plural_messages_have_exactly_one_form(language):
    forms = {entry.msgid: len(entry.msgstrs) for entry in messages(language) if entry.msgid_plural}

    assert forms == dict.fromkeys(forms, 1)
    assert len(forms) >= 1


@languages
def test_catalog_translations_keep_placeholders_and_markup(language):
    changed = [
        entry.msgid
        for entry in messages(language)
        for msgstr in entry.msgstrs
        if sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(PLACEHOLDER.findall(msgstr))
    ]

    assert changed == []


@languages
def test_catalog_lists_every_marked_string(language):
    """A string marked after the last `makemessages` is in no catalog: English everywhere."""
    in_catalog = {(entry.msgctxt, entry.msgid) for entry in messages(language)}

    missing = sorted(marked_strings() - in_catalog, key=lambda key: key[1])

    assert missing == []


@languages
def test_compiled_catalog_matches_its_po_file(language):
    """The committed .mo holds exactly the .po's translations: a .po edited without
    `compilemessages` fails here. The header is left out, as msgfmt drops its
    POT-Creation-Date, which every `makemessages` run rewrites."""
    compiled = read_mo(mo_path(language))
    compiled.pop("")
    expected = {entry.mo_key: "\0".join(entry.msgstrs) for entry in messages(language)}

    assert compiled == expected
