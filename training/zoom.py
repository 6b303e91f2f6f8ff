"""Zoom's "Participants" report (Reports › Usage › Participants › Export), read from
the CSV file a trainer uploads: one row per connection of a participant.

What varies between Zoom's versions and accounts, and is accepted here:

- a block of meeting information (Meeting ID, Topic, Start Time...) above the table
  of participants in some versions: the table starts at the first row that names a
  participant column and a time or duration column;
- headers in title case or lower case ("Join Time", "Join time"), "Name (Original
  Name)" or "Name", "User Email" or "Email", "Duration (Minutes)" or, with "Show
  unique users", "Total Duration (Minutes)" and no join or leave times;
- UTF-8 with or without a byte order mark (and UTF-16, as Excel saves "Unicode
  text"), commas, semicolons or tabs between cells;
- dates month first (the US default), day first or ISO, with or without seconds.

Rows of people still in the waiting room ("In Waiting Room": Yes) are left out: they
were not in the meeting. Nothing here touches the database: read_zoom_report() turns
bytes into rows or raises ZoomReportError with a message for the trainer.
"""

import codecs
import csv
import dataclasses
import datetime as dt
import io
import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MAX_BYTES = 2 * 1024 * 1024  # a meeting of 1,000 people reconnecting 5 times is ~500 kB
MAX_ROWS = 10_000

# Headers, casefolded with spaces squeezed, for each of our columns.
NAME_HEADERS = {"name (original name)", "name", "participant", "user name", "display name"}
EMAIL_HEADERS = {"user email", "email", "e-mail", "email address", "attendee email"}
JOIN_HEADERS = {"join time", "joined at", "join"}
LEAVE_HEADERS = {"leave time", "left at", "leave"}
DURATION_HEADERS = {
    "duration (minutes)",
    "duration (mins)",
    "duration",
    "total duration (minutes)",
    "time in session (minutes)",
}
WAITING_ROOM_HEADERS = {"in waiting room"}
YES = {"yes", "true", "1", "y"}

# Date formats of Zoom's exports, in the order they are tried: the report's times
# are read with the first format that reads all of them (see _time_format()).
TIME_FORMATS = [
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %I:%M:%S %p",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%dT%H:%M:%S",
]

# Starts of files that are something else than a CSV, to name them in the message.
ZIP_SIGNATURE = b"PK\x03\x04"  # .xlsx, .docx, .zip
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc
PDF_SIGNATURE = b"%PDF"

# "Jane D (Jane Doe)": a participant who renamed themselves, with the name they
# joined with in brackets.
_ORIGINAL_NAME = re.compile(r"^(?P<shown>.*\S)\s*\((?P<original>[^()]*\S[^()]*)\)$")


class ZoomReportError(Exception):
    """A file that is not a readable Zoom participants report; str() says why, for the
    trainer, in their language."""


@dataclasses.dataclass(frozen=True)
class Connection:
    """One row of the report: one connection of one participant. `joined_at` and
    `left_at` are naive (the report's timezone, which only their difference needs),
    None when the report has no times; `minutes` is the row's duration."""

    name: str
    original_name: str
    email: str
    joined_at: dt.datetime | None
    left_at: dt.datetime | None
    minutes: float

    @property
    def names(self) -> list[str]:
        """The names the participant is known by in the report: as shown, and as they
        joined when they renamed themselves."""
        return [n for n in (self.name, self.original_name) if n]


@dataclasses.dataclass(frozen=True)
class ZoomReport:
    connections: list[Connection]
    has_times: bool  # join and leave times were read (else durations only)


def read_zoom_report(*, content: bytes, expected_on: dt.date | None = None) -> ZoomReport:
    """The connections of a Zoom participants report.

    `expected_on`, the day being imported, settles month-first against day-first
    dates (07/05/2022): of the formats that read every time, the first whose dates
    include that day wins.

    Raises ZoomReportError when the file is empty, too large, not text (a workbook, a
    PDF, any binary), not UTF-8, has no participants table or no row in it, or a row
    whose duration or times cannot be read.
    """
    if not content.strip():
        raise ZoomReportError(_("The file is empty."))
    if len(content) > MAX_BYTES:
        raise ZoomReportError(
            _("The file is over %(size)d MB: a participants report is much smaller.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    rows = _csv_rows(_decode(content))
    header_index, columns = _find_table(rows)
    data = [row for row in rows[header_index + 1 :] if any(cell.strip() for cell in row)]
    if not data:
        raise ZoomReportError(_("The report’s table of participants has no rows."))
    if len(data) > MAX_ROWS:
        raise ZoomReportError(
            _("The report has over %(count)s rows; export one meeting’s participants only.")
            % {"count": f"{MAX_ROWS:,}"}
        )
    return _connections(data, columns, header_index, expected_on)


def _decode(content: bytes) -> str:
    if content.startswith(ZIP_SIGNATURE) or content.startswith(OLE_SIGNATURE):
        raise ZoomReportError(
            _(
                "This is a workbook or another document, not a CSV file: in Zoom, export the "
                "meeting’s participants “as CSV file” and upload that file."
            )
        )
    if content.startswith(PDF_SIGNATURE):
        raise ZoomReportError(
            _(
                "This is a PDF file: in Zoom, export the meeting’s participants “as CSV file” "
                "and upload that file."
            )
        )
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _not_text() from error
    if b"\x00" in content:
        raise _not_text()
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ZoomReportError(
            _(
                "The file is not in UTF-8, the encoding Zoom exports: export the report from "
                "Zoom again and upload it without opening it in another program first."
            )
        ) from error


def _not_text():
    return ZoomReportError(
        _("This file is not a CSV text file. Upload Zoom’s participants report as CSV.")
    )


def _csv_rows(text: str) -> list[list[str]]:
    # The delimiter is guessed on the lines below a possible meeting block too.
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as error:
        raise ZoomReportError(
            _("The file is not a well-formed CSV file (%(problem)s).") % {"problem": error}
        ) from error


def _header(cell: str) -> str:
    return " ".join(cell.split()).casefold()


def _find_table(rows: list[list[str]]) -> tuple[int, dict[str, int]]:
    """(index of the participants table's header row, {our column: its index}).

    The meeting block's own header row has "User Email" and "Duration (Minutes)" too
    (the host's): a participants header also names a participant (Name) column, which
    the meeting block does not."""
    for index, row in enumerate(rows[:50]):
        headers = [_header(cell) for cell in row]
        columns = {}
        for key, accepted in (
            ("name", NAME_HEADERS),
            ("email", EMAIL_HEADERS),
            ("join", JOIN_HEADERS),
            ("leave", LEAVE_HEADERS),
            ("duration", DURATION_HEADERS),
            ("waiting", WAITING_ROOM_HEADERS),
        ):
            found = [i for i, header in enumerate(headers) if header in accepted]
            if found:
                columns[key] = found[0]
        has_times = "join" in columns and "leave" in columns
        if "name" in columns and ("duration" in columns or has_times):
            return index, columns
    raise ZoomReportError(
        _(
            "This is not a Zoom participants report: no row names its columns "
            "(Name (Original Name), User Email, Join Time, Leave Time, Duration (Minutes)). "
            "In Zoom, go to Reports › Usage, choose the meeting’s Participants and export "
            "them as a CSV file."
        )
    )


def _cell(row: list[str], columns: dict[str, int], key: str) -> str:
    index = columns.get(key)
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


def _connections(data, columns, header_index, expected_on) -> ZoomReport:
    has_times = "join" in columns and "leave" in columns
    # The row number in the file, for messages, of each row kept.
    kept = [
        (number, row)
        for number, row in enumerate(data, start=header_index + 2)
        if _cell(row, columns, "waiting").casefold() not in YES
    ]
    time_format = None
    if has_times:
        values = [_cell(row, columns, key) for _, row in kept for key in ("join", "leave")]
        time_format = _time_format([v for v in values if v], expected_on)
    connections = []
    problems = []
    for number, row in kept:
        name = _cell(row, columns, "name")
        original = ""
        match = _ORIGINAL_NAME.match(name)
        if match:
            name, original = match["shown"], match["original"].strip()
        joined_at = left_at = None
        if time_format:
            joined_at = _parse_time(_cell(row, columns, "join"), time_format)
            left_at = _parse_time(_cell(row, columns, "leave"), time_format)
            if joined_at and left_at and left_at < joined_at:
                joined_at = left_at = None  # the row's duration is used instead
        minutes = _minutes(_cell(row, columns, "duration"))
        if joined_at and left_at:
            minutes = (left_at - joined_at).total_seconds() / 60
        if minutes is None:
            problems.append(number)
            continue
        if not name and not _cell(row, columns, "email"):
            problems.append(number)
            continue
        connections.append(
            Connection(
                name=name,
                original_name=original,
                email=_cell(row, columns, "email"),
                joined_at=joined_at,
                left_at=left_at,
                minutes=minutes,
            )
        )
    if problems:
        shown = ", ".join(str(n) for n in problems[:5]) + (" …" if len(problems) > 5 else "")
        raise ZoomReportError(
            ngettext(
                "Line %(lines)s of the file has no name or no duration that can be read: "
                "check that this is the report as Zoom exported it.",
                "Lines %(lines)s of the file have no name or no duration that can be read: "
                "check that this is the report as Zoom exported it.",
                len(problems),
            )
            % {"lines": shown}
        )
    if not connections:
        raise ZoomReportError(_("The report’s table of participants has no rows."))
    return ZoomReport(
        connections=connections,
        has_times=all(c.joined_at is not None for c in connections),
    )


def _time_format(values: list[str], expected_on: dt.date | None) -> str | None:
    """The first TIME_FORMATS entry that reads every value (preferring one whose dates
    include `expected_on`); None if none does: the durations are used then."""
    readable = []
    for time_format in TIME_FORMATS:
        parsed = []
        for value in values:
            time = _parse_time(value, time_format)
            if time is None:
                break  # not this format: no need to try the other values
            parsed.append(time)
        else:
            if not parsed:
                return None
            if expected_on is None or any(p.date() == expected_on for p in parsed):
                return time_format
            readable.append(time_format)
    return readable[0] if readable else None


def _parse_time(value: str, time_format: str) -> dt.datetime | None:
    try:
        # Naive on purpose: the report's timezone is unknown; only differences are used.
        return dt.datetime.strptime(value, time_format)
    except ValueError:
        return None


def _minutes(value: str) -> float | None:
    try:
        minutes = float(value.replace(",", "."))
    except ValueError:
        return None
    return minutes if minutes >= 0 else None


def presence_minutes(connections: list[Connection]) -> float:
    """Minutes a person was in the meeting over all their connections.

    Connections with times count as the union of their intervals, not the sum of
    their durations: someone joined twice at once (a laptop, and a phone for the
    sound) was there for one hour, not two. Connections without times (a report of
    unique users, or times that could not be read) add their durations."""
    intervals = sorted((c.joined_at, c.left_at) for c in connections if c.joined_at and c.left_at)
    total = sum(c.minutes for c in connections if not (c.joined_at and c.left_at))
    current_start = current_end = None
    for start, end in intervals:
        if current_end is None or start > current_end:
            if current_end is not None:
                total += (current_end - current_start).total_seconds() / 60
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += (current_end - current_start).total_seconds() / 60
    return total
