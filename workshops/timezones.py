"""Time zones by country, from the tz database's own table (zone.tab).

Used to propose a workshop's time zone from the country it takes place in: the table
lists each country's zones, its most populous first (Asia/Jakarta for ID).
"""

import functools
import importlib.resources
import zoneinfo
from pathlib import Path


@functools.cache
def _zones_by_country() -> dict[str, list[str]]:
    text = None
    for folder in zoneinfo.TZPATH:
        table = Path(folder) / "zone.tab"
        if table.exists():
            text = table.read_text(encoding="utf-8")
            break
    if text is None:
        # No system tz database (a slim image): the tzdata package's copy.
        try:
            text = (
                importlib.resources.files("tzdata.zoneinfo")
                .joinpath("zone.tab")
                .read_text(encoding="utf-8")
            )
        except (ModuleNotFoundError, FileNotFoundError):
            return {}
    zones: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coordinates, zone, *_comments = line.split("\t")
        zones.setdefault(code, []).append(zone)
    return zones


def zones_of_country(iso_code: str) -> list[str]:
    """The time zones of a country (ISO 3166-1 alpha-2), its main one first; [] when
    unknown or empty."""
    return list(_zones_by_country().get(iso_code.upper(), [])) if iso_code else []
