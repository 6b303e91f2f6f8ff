"""Certificates of completion as PDF, drawn with fpdf2 (pure Python: `make run` needs
no system library) in Noto Sans, embedded, so that a name in Thai or Vietnamese
prints as typed on any reader. The fonts and their licence are in training/fonts/.

Thai needs text shaping (its vowels and tone marks stack on the consonant): fpdf2
does it with HarfBuzz (uharfbuzz, a wheel). Glyphs Noto Sans lacks (Thai) come
from Noto Sans Thai as a fallback font, character by character.
"""

import logging
from pathlib import Path

import segno
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf import FPDF

from .queries import PrintedCertificate

# fpdf2 subsets the fonts it embeds with fontTools, which logs each step at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONTS = Path(__file__).resolve().parent / "fonts"
PRIMARY = (11, 61, 145)  # the office's default primary colour (settings.OFFICE_COLOURS)
MUTED = (90, 90, 90)
QR_SIZE_MM = 34


def _new_document() -> FPDF:
    pdf = FPDF(orientation="landscape", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(20, 18, 20)
    for family, stem in (("noto", "NotoSans"), ("notothai", "NotoSansThai")):
        pdf.add_font(family, "", FONTS / f"{stem}-Regular.ttf")
        pdf.add_font(family, "B", FONTS / f"{stem}-Bold.ttf")
    pdf.set_fallback_fonts(["notothai"], exact_match=False)
    pdf.set_text_shaping(True)
    pdf.set_title(_("Certificate of completion"))
    pdf.set_creator("RSO Portal")
    return pdf


def qr_matrix(url: str):
    """The QR code of `url`: rows of booleans (dark modules), with its quiet zone."""
    return segno.make_qr(url, error="m").matrix_iter(scale=1, border=4)


def _draw_qr(pdf: FPDF, url: str, *, x: float, y: float, size: float) -> None:
    rows = [list(row) for row in qr_matrix(url)]
    module = size / len(rows)
    pdf.set_fill_color(0, 0, 0)
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                # One rectangle per run of dark modules: a smaller file, no hairlines.
                pdf.rect(x + start * module, y + r * module, (c - start) * module, module, "F")
            else:
                c += 1


def _centred(pdf: FPDF, text: str, *, size: float, style: str = "", colour=(0, 0, 0), gap=2):
    pdf.set_font("noto", style, size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(0, size * 0.45, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap)


def _page(pdf: FPDF, certificate: PrintedCertificate) -> None:
    pdf.add_page()
    width, height = pdf.w, pdf.h
    pdf.set_draw_color(*PRIMARY)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, width - 16, height - 16)
    pdf.set_line_width(0.3)
    pdf.rect(11, 11, width - 22, height - 22)

    pdf.set_y(22)
    _centred(pdf, _("Regional Support Office"), size=13, style="B", colour=PRIMARY, gap=6)
    _centred(pdf, _("Certificate of completion"), size=30, style="B", colour=PRIMARY, gap=6)
    _centred(pdf, _("This certifies that"), size=13, colour=MUTED, gap=3)
    _centred(pdf, certificate.holder, size=26, style="B", gap=3)
    _centred(pdf, _("has completed"), size=13, colour=MUTED, gap=3)
    _centred(pdf, certificate.workshop_title, size=17, style="B", gap=3)
    _centred(pdf, certificate.dates, size=12, gap=1)
    if certificate.day_count:
        _centred(
            pdf,
            ngettext(
                "Attended %(attended)d of %(count)d day",
                "Attended %(attended)d of %(count)d days",
                certificate.day_count,
            )
            % {"attended": certificate.days_attended, "count": certificate.day_count},
            size=11,
            colour=MUTED,
            gap=1,
        )
    if certificate.partners:
        _centred(
            pdf,
            _("With %(partners)s") % {"partners": ", ".join(certificate.partners)},
            size=10,
            colour=MUTED,
        )

    qr_x, qr_y = width - 20 - QR_SIZE_MM, height - 18 - QR_SIZE_MM
    _draw_qr(pdf, certificate.check_url, x=qr_x, y=qr_y, size=QR_SIZE_MM)
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(20, height - 40)
    pdf.set_font("noto", "", 10)
    pdf.cell(0, 6, _("Certificate code"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("noto", "B", 16)
    pdf.cell(0, 8, certificate.code, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("noto", "", 10)
    pdf.cell(
        qr_x - 25,
        6,
        _("Check it at %(url)s") % {"url": certificate.check_url},
        new_x="LMARGIN",
        new_y="NEXT",
    )


def certificates_pdf(certificates: list[PrintedCertificate]) -> bytes:
    """One PDF with a page per certificate, in the given order."""
    pdf = _new_document()
    for certificate in certificates:
        _page(pdf, certificate)
    return bytes(pdf.output())


def pdf_response(certificates: list[PrintedCertificate], *, filename: str) -> HttpResponse:
    """`certificates` as a PDF download, for the trainers' area and the admin."""
    response = HttpResponse(certificates_pdf(certificates), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Names of people: no shared cache may keep it.
    response["Cache-Control"] = "private, no-store"
    return response
