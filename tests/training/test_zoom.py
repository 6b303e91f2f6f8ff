"""Reading Zoom's participants report: real-shaped exports, and files that are not one."""

import codecs
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from training.zoom import Connection, ZoomReportError, presence_minutes, read_zoom_report

REPORTS = Path(__file__).parent / "zoom_reports"
MONDAY = dt.date(2022, 7, 18)


def report(name, **kwargs):
    return read_zoom_report(content=(REPORTS / name).read_bytes(), **kwargs)


def refusal(content, **kwargs) -> str:
    with pytest.raises(ZoomReportError) as raised:
        read_zoom_report(content=content, **kwargs)
    return str(raised.value)


def test_report_with_a_meeting_block_and_a_bom_is_read_from_its_table():
    read = report("meeting_block.csv")

    assert read.has_times
    assert [c.name for c in read.connections] == [
        "Host Trainer",
        "Ada L",
        "DUC, Nguyen Van",
        "Ada L",
        "Siti Aminah",
        "Bo Short",
        "Ada L",
    ]
    ada = read.connections[1]
    assert (ada.original_name, ada.email, ada.names) == (
        "Ada Lovelace",
        "ADA@Example.org",
        ["Ada L", "Ada Lovelace"],
    )
    assert (ada.joined_at, ada.left_at) == (
        dt.datetime(2022, 7, 18, 8, 58, 10),
        dt.datetime(2022, 7, 18, 10, 2, 40),
    )


def test_rows_of_the_waiting_room_are_left_out():
    names = [c.name for c in report("meeting_block.csv").connections]

    assert "Late Comer" not in names


def test_reconnections_add_up_from_their_times():
    ada = [c for c in report("meeting_block.csv").connections if c.name == "Ada L"]

    # 64.5 + 55 + 59.5 minutes; Zoom's rounded-up durations would say 180.
    assert presence_minutes(ada) == 179.0


def test_overlapping_connections_count_once():
    # Joined on a laptop at 9:00 and on a phone at 10:00 while the laptop stayed on.
    ada = report("plain.csv").connections[:2]

    assert presence_minutes(ada) == 180.0


def test_connections_without_times_add_their_durations():
    connections = [
        Connection("Ada", "", "", None, None, 30.0),
        Connection("Ada", "", "", None, None, 45.5),
    ]

    assert presence_minutes(connections) == 75.5


def test_report_of_unique_users_with_semicolons_uses_total_durations():
    read = report("unique_users.csv")

    assert not read.has_times
    assert [(c.name, c.email, c.minutes) for c in read.connections] == [
        ("Ada Lovelace", "ada@example.org", 175.0),
        ("Bo Short", "", 44.0),
    ]


def test_report_in_utf16_as_excel_saves_unicode_text_is_read():
    text = (REPORTS / "plain.csv").read_text().replace(",", "\t")
    content = codecs.BOM_UTF16_LE + text.encode("utf-16-le")

    read = read_zoom_report(content=content)

    assert [c.minutes for c in read.connections] == [90.0, 120.0, 45.0]


def test_day_first_dates_are_read_day_first_when_the_day_says_so():
    content = (
        b"Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"
        b"Ada Lovelace,ada@example.org,07/05/2022 09:00,07/05/2022 10:00,60\n"
    )

    us = read_zoom_report(content=content, expected_on=dt.date(2022, 7, 5))
    day_first = read_zoom_report(content=content, expected_on=dt.date(2022, 5, 7))

    assert us.connections[0].joined_at.date() == dt.date(2022, 7, 5)
    assert day_first.connections[0].joined_at.date() == dt.date(2022, 5, 7)


def test_names_and_accents_are_kept_as_in_the_report():
    content = (
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"
        "Nguyễn Văn Đức,,2022-07-18 09:00:00,2022-07-18 10:00:00,60\n"
        "สมชาย ใจดี,,2022-07-18 09:00:00,2022-07-18 10:00:00,60\n"
    ).encode()

    assert [c.name for c in read_zoom_report(content=content).connections] == [
        "Nguyễn Văn Đức",
        "สมชาย ใจดี",
    ]


def test_malformed_row_is_refused_with_its_line():
    message = refusal((REPORTS / "malformed.csv").read_bytes())

    assert message == (
        "Line 2 of the file has no name or no duration that can be read: check that this is "
        "the report as Zoom exported it."
    )


def test_csv_of_another_kind_is_not_a_report():
    message = refusal((REPORTS / "nominations.csv").read_bytes())

    assert message.startswith("This is not a Zoom participants report")


def test_xlsx_workbook_is_refused_as_a_workbook():
    workbook = openpyxl.Workbook()
    workbook.active.append(["Name (Original Name)", "User Email", "Duration (Minutes)"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    assert refusal(buffer.getvalue()).startswith("This is a workbook or another document")


def test_pdf_is_refused_as_a_pdf():
    assert refusal(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj").startswith("This is a PDF file")


def test_binary_file_is_refused():
    assert refusal(bytes(range(256)) * 4) == (
        "This file is not a CSV text file. Upload Zoom’s participants report as CSV."
    )


def test_file_not_in_utf8_is_refused():
    content = "Name,Duration (Minutes)\nJosé Müller,60\n".encode("latin-1")

    assert refusal(content).startswith("The file is not in UTF-8")


@pytest.mark.parametrize("content", [b"", b"  \r\n"])
def test_empty_file_is_refused(content):
    assert refusal(content) == "The file is empty."


def test_table_without_rows_is_refused():
    content = b"Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\r\n\r\n"

    assert refusal(content) == "The report’s table of participants has no rows."


def test_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr("training.zoom.MAX_BYTES", 100)

    message = refusal((REPORTS / "meeting_block.csv").read_bytes())

    assert message.startswith("The file is over")
