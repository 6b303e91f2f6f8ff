"""Cells of the CSV and XLSX files staff download."""

# A spreadsheet runs a cell that starts with one of these as a formula (CSV or formula
# injection): a participant named "=HYPERLINK(...)" must stay text. \t and \r too, as
# OWASP advises, since some spreadsheets skip them before looking for "=".
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """value, with a leading apostrophe if it is text a spreadsheet would run; numbers
    and dates pass unchanged (a negative number is a number, not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
