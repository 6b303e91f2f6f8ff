"""Staff see certificates and completion overrides in the admin, issue a workshop's
certificates and download them."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from participants.choices import RegistrationStatus
from tests.factories.participants import RegistrationFactory
from tests.factories.training import CertificateFactory, CompletionOverrideFactory
from tests.factories.workshops import StaffFactory
from tests.html import csp_violations
from training.models import Certificate

pytestmark = pytest.mark.django_db

CERTIFICATES = reverse("admin:training_certificate_changelist")
OVERRIDES = reverse("admin:training_completionoverride_changelist")


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def changelist(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.context["cl"].result_count


def test_certificate_changelist_queries_are_the_same_at_1_and_3(staff_client):
    CertificateFactory()
    at_1 = changelist(staff_client, CERTIFICATES)
    CertificateFactory.create_batch(2)
    at_3 = changelist(staff_client, CERTIFICATES)

    assert (at_1[1], at_3[1]) == (1, 3)
    assert at_1[0] == at_3[0]


def test_completion_override_changelist_queries_are_the_same_at_1_and_3(staff_client):
    CompletionOverrideFactory()
    at_1 = changelist(staff_client, OVERRIDES)
    CompletionOverrideFactory.create_batch(2)
    at_3 = changelist(staff_client, OVERRIDES)

    assert (at_1[1], at_3[1]) == (1, 3)
    assert at_1[0] == at_3[0]


def test_certificate_change_page_links_to_the_check_and_the_revocation(staff_client):
    certificate = CertificateFactory()

    response = staff_client.get(reverse("admin:training_certificate_change", args=[certificate.pk]))

    html = response.content.decode()
    assert f'href="/certificates/{certificate.code}/"' in html
    assert f'href="/trainer/certificates/{certificate.code}/revoke/"' in html
    assert csp_violations(html) == []


def test_staff_download_one_certificate_and_cannot_add_or_delete_one(staff_client):
    certificate = CertificateFactory()

    pdf = staff_client.get(reverse("admin:training_certificate_pdf", args=[certificate.pk]))
    added = staff_client.get(reverse("admin:training_certificate_add"))
    deleted = staff_client.post(
        reverse("admin:training_certificate_delete", args=[certificate.pk]), {"post": "yes"}
    )

    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert certificate.code in text
    assert (added.status_code, deleted.status_code) == (403, 403)
    assert Certificate.objects.count() == 1


def test_staff_issue_certificates_for_a_workshops_completed_participants(staff_client, workshop):
    completed = RegistrationFactory.create_batch(
        2, workshop=workshop, status=RegistrationStatus.COMPLETED
    )
    RegistrationFactory(workshop=workshop, status=RegistrationStatus.ATTENDED)
    url = reverse("admin:training_certificate_issue")

    form = staff_client.get(url)
    response = staff_client.post(url, {"workshop": workshop.pk})

    assert form.status_code == 200
    assert response.status_code == 302
    assert sorted(Certificate.objects.values_list("registration", flat=True)) == sorted(
        r.pk for r in completed
    )


def test_staff_download_selected_certificates_as_one_pdf(staff_client):
    certificates = CertificateFactory.create_batch(2)

    response = staff_client.post(
        CERTIFICATES,
        {"action": "download_pdf", "_selected_action": [c.pk for c in certificates]},
    )

    assert response["Content-Type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 2
