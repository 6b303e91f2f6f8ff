"""Certificate downloads in the trainers' area, and the staff-only revocation."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.factories.training import CertificateFactory
from tests.factories.workshops import StaffFactory
from training.models import Certificate
from training.services import revoke_certificate

pytestmark = pytest.mark.django_db


def pages_text(response) -> list[str]:
    reader = PdfReader(io.BytesIO(response.content))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def one_url(certificate):
    registration = certificate.registration
    return reverse(
        "trainer:certificate-pdf",
        kwargs={"slug": registration.workshop.slug, "pk": registration.pk},
    )


def test_trainer_downloads_one_participants_certificate(trainer_client, workshop):
    certificate = CertificateFactory(
        registration__workshop=workshop, registration__participant__given_name="Siti"
    )

    response = trainer_client.get(one_url(certificate))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificate-{certificate.code}.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    (text,) = pages_text(response)
    assert str(certificate.registration.participant) in text
    assert certificate.code in text


def test_trainer_cannot_download_a_revoked_certificate(trainer_client, workshop):
    certificate = CertificateFactory(registration__workshop=workshop)
    revoke_certificate(certificate=certificate, reason="Issued in error.", by=None)

    assert trainer_client.get(one_url(certificate)).status_code == 404


def test_trainer_cannot_download_another_workshops_certificate_through_theirs(
    trainer_client, workshop
):
    theirs = CertificateFactory()  # another workshop's registration
    url = reverse(
        "trainer:certificate-pdf", kwargs={"slug": workshop.slug, "pk": theirs.registration.pk}
    )

    assert trainer_client.get(url).status_code == 404


@pytest.mark.parametrize("size", [1, 3])
def test_all_certificates_of_a_workshop_in_one_pdf_in_constant_queries(
    trainer_client, workshop, size, django_assert_num_queries
):
    certificates = CertificateFactory.create_batch(size, registration__workshop=workshop)
    revoked = CertificateFactory(registration__workshop=workshop)
    revoke_certificate(certificate=revoked, reason="Issued in error.", by=None)
    CertificateFactory()  # another workshop's

    # Session, user, the workshop, and the certificates' three reads.
    with django_assert_num_queries(6):
        response = trainer_client.get(
            reverse("trainer:certificates-pdf", kwargs={"slug": workshop.slug})
        )

    texts = pages_text(response)
    assert len(texts) == size
    assert sorted(c.code for c in certificates) == sorted(
        next(c.code for c in certificates if c.code in text) for text in texts
    )


def test_all_certificates_without_any_goes_back_to_the_completion_page(trainer_client, workshop):
    response = trainer_client.get(
        reverse("trainer:certificates-pdf", kwargs={"slug": workshop.slug})
    )

    assert (response.status_code, response.url) == (
        302,
        reverse("trainer:completion", kwargs={"slug": workshop.slug}),
    )


def revoke_url(certificate):
    return reverse("trainer:certificate-revoke", kwargs={"code": certificate.code})


def test_staff_revoke_a_certificate_with_a_reason(client):
    staff = StaffFactory()
    client.force_login(staff)
    certificate = CertificateFactory()

    response = client.post(revoke_url(certificate), {"reason": "Issued in error."})

    assert (response.status_code, response.url) == (
        302,
        reverse("admin:training_certificate_changelist"),
    )
    certificate.refresh_from_db()
    assert (certificate.revoked_reason, certificate.revoked_by) == ("Issued in error.", staff)
    assert certificate.revoked_at is not None


def test_staff_revoking_without_a_reason_are_told_and_nothing_changes(client):
    client.force_login(StaffFactory())
    certificate = CertificateFactory()

    response = client.post(revoke_url(certificate), {"reason": ""})

    assert response.status_code == 200
    assert response.context["form"].errors == {"reason": ["Say why this certificate is revoked."]}
    assert Certificate.objects.get().revoked_at is None


def test_the_certificates_own_trainer_cannot_revoke_it(trainer_client, workshop):
    certificate = CertificateFactory(registration__workshop=workshop)

    response = trainer_client.post(revoke_url(certificate), {"reason": "Mine to revoke."})

    assert response.status_code == 403
    assert Certificate.objects.get().revoked_at is None
