"""Certificates: their codes, issuing, revoking, and the PDF read back."""

import io
import re

import pytest
import segno
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from participants.choices import RegistrationStatus
from tests.factories.participants import RegistrationFactory
from tests.factories.training import CertificateFactory
from tests.factories.workshops import UserFactory, WorkshopPartnerFactory
from training import certificate_pdf
from training.certificate_codes import ALPHABET, new_code, normalise_code
from training.models import Certificate
from training.queries import printed_certificates
from training.services import issue_certificates, revoke_certificate

pytestmark = pytest.mark.django_db

CODE_PATTERN = re.compile(r"^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$")


def test_new_codes_are_grouped_crockford_base32_and_differ():
    codes = {new_code() for _ in range(500)}

    assert len(codes) == 500
    assert all(CODE_PATTERN.match(code) for code in codes)
    assert set("ILOU") & set(ALPHABET) == set()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("7KQ2M-X9D4T", "7KQ2M-X9D4T"),
        ("7kq2m-x9d4t", "7KQ2M-X9D4T"),
        ("7KQ2MX9D4T", "7KQ2M-X9D4T"),
        (" 7kq2m x9d4t ", "7KQ2M-X9D4T"),
        ("OKQ2M-X9D4I", "0KQ2M-X9D41"),  # O and I read as 0 and 1
        ("7KQ2M-X9D4", None),
        ("7KQ2M-X9D4TT", None),
        ("UKQ2M-X9D4T", None),
        ("", None),
    ],
)
def test_normalise_code(typed, expected):
    assert normalise_code(typed) == expected


def test_issue_certificates_gives_completed_registrations_without_one_a_code(workshop):
    completed = RegistrationFactory(workshop=workshop, status=RegistrationStatus.COMPLETED)
    attended = RegistrationFactory(workshop=workshop, status=RegistrationStatus.ATTENDED)
    holder = CertificateFactory(registration__workshop=workshop).registration
    by = UserFactory()

    issued = issue_certificates(registration_ids=[completed.pk, attended.pk, holder.pk], by=by)

    assert issued == 1
    certificate = Certificate.objects.get(registration=completed)
    assert CODE_PATTERN.match(certificate.code)
    assert certificate.issued_by == by
    assert Certificate.objects.count() == 2


def test_issue_certificates_draws_again_a_code_that_exists(workshop, monkeypatch):
    taken = CertificateFactory(code="AAAAA-AAAAA")
    completed = RegistrationFactory(workshop=workshop, status=RegistrationStatus.COMPLETED)
    draws = iter(["AAAAA-AAAAA", "BBBBB-BBBBB"])
    monkeypatch.setattr("training.certificate_codes.new_code", lambda: next(draws))

    issued = issue_certificates(registration_ids=[completed.pk])

    assert issued == 1
    assert Certificate.objects.get(registration=completed).code == "BBBBB-BBBBB"
    assert Certificate.objects.get(code="AAAAA-AAAAA") == taken


def test_revoke_certificate_records_who_when_and_why():
    certificate = CertificateFactory()
    staff = UserFactory(is_staff=True)

    revoke_certificate(certificate=certificate, reason=" Issued in error. ", by=staff)

    certificate.refresh_from_db()
    assert (certificate.revoked_reason, certificate.revoked_by) == ("Issued in error.", staff)
    assert certificate.is_revoked


@pytest.mark.parametrize(("reason", "code"), [("", "reason"), ("  ", "reason")])
def test_revoke_certificate_without_a_reason_changes_nothing(reason, code):
    certificate = CertificateFactory()

    with pytest.raises(ValidationError) as error:
        revoke_certificate(certificate=certificate, reason=reason, by=None)

    assert error.value.code == code
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_revoke_certificate_twice_keeps_the_first_reason():
    certificate = CertificateFactory()
    revoke_certificate(certificate=certificate, reason="First.", by=None)

    with pytest.raises(ValidationError) as error:
        revoke_certificate(certificate=certificate, reason="Second.", by=None)

    assert error.value.code == "revoked"
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "First."


def read_pdf(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def embedded_fonts(reader: PdfReader) -> set[str]:
    """The base names of the fonts embedded in the document (with a font file)."""
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", []):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                if "/FontFile2" in descriptor:
                    names.add(str(descriptor["/FontName"]).split("+")[-1])
    return names


def test_certificate_pdf_carries_the_name_workshop_and_code(workshop, monday, wednesday, settings):
    settings.SITE_URL = "https://rso.example.org"
    certificate = CertificateFactory(
        registration__workshop=workshop,
        registration__participant__given_name="Siti",
        registration__participant__family_name="Nurhaliza",
    )
    WorkshopPartnerFactory(workshop=workshop, organisation__name="JCLEC")

    printed = printed_certificates(Certificate.objects.all())
    reader = read_pdf(certificate_pdf.certificates_pdf(printed))

    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    assert "Siti Nurhaliza" in text
    assert "Virtual Training Workshop" in text
    assert certificate.code in text
    assert f"Check it at https://rso.example.org/certificates/{certificate.code}/" in text
    assert "Monday July 18 and Wednesday July 20, 2022" in text
    assert "With JCLEC" in text


def test_certificate_pdf_embeds_a_thai_font_for_a_thai_name(workshop):
    CertificateFactory(
        registration__workshop=workshop,
        registration__participant__given_name="สมชาย",
        registration__participant__family_name="ใจดี",
    )

    reader = read_pdf(
        certificate_pdf.certificates_pdf(printed_certificates(Certificate.objects.all()))
    )

    fonts = embedded_fonts(reader)
    assert any(name.startswith("NotoSansThai") for name in fonts), fonts
    assert any(name.startswith("NotoSans") and "Thai" not in name for name in fonts), fonts


def test_certificate_qr_code_encodes_the_verification_address(settings, monkeypatch):
    settings.SITE_URL = "https://rso.example.org"
    certificate = CertificateFactory()
    drawn = []
    real = certificate_pdf.qr_matrix
    monkeypatch.setattr(certificate_pdf, "qr_matrix", lambda url: drawn.append(url) or real(url))

    certificate_pdf.certificates_pdf(printed_certificates(Certificate.objects.all()))

    expected = f"https://rso.example.org/certificates/{certificate.code}/"
    assert drawn == [expected]
    qr = segno.make_qr(expected, error="m")
    assert [list(row) for row in real(expected)] == [
        list(row) for row in qr.matrix_iter(scale=1, border=4)
    ]


def test_printed_certificates_leave_out_revoked_ones_in_three_statements(
    workshop, django_assert_num_queries
):
    valid = CertificateFactory.create_batch(3, registration__workshop=workshop)
    revoked = CertificateFactory(registration__workshop=workshop)
    revoke_certificate(certificate=revoked, reason="Issued in error.", by=None)

    with django_assert_num_queries(3):
        printed = printed_certificates(Certificate.objects.all())

    assert sorted(p.code for p in printed) == sorted(c.code for c in valid)
