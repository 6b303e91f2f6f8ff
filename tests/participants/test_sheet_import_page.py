import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from participants.models import ImportMapping, Registration
from tests.factories.workshops import (
    MemberStateFactory,
    OrganisationFactory,
    StaffFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def upload(rows, name="nominations.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_import_page_maps_foreign_columns_then_registers_on_confirm(staff_client, tmp_path):
    agency = OrganisationFactory(name="Imigrasi", acronym="DGI", member_state=MemberStateFactory())
    workshop = WorkshopFactory()
    url = f"/admin/workshops/workshop/{workshop.pk}/import/"
    sheet = upload(
        [
            ["Nama", "Surel", "Agency"],
            ["Budi Santoso", "budi@imigrasi.example", "DGI"],
            ["Sari Dewi", "sari@imigrasi.example", "DGI"],
        ]
    )

    preview = staff_client.post(url, {"upload": "1", "sheet": sheet, "organisation": agency.pk})
    remapped = staff_client.post(
        url, {"preview": "1", "column-0": "full_name", "column-1": "email", "column-2": "agency"}
    )
    done = staff_client.post(
        url, {"confirm": "1", "column-0": "full_name", "column-1": "email", "column-2": "agency"}
    )

    assert [c["field"] for c in preview.context["columns"]] == ["", "", "agency"]
    assert remapped.context["counts"] == {"new": 2, "existing": 0, "error": 0, "hidden": 0}
    assert done["Location"] == f"/admin/workshops/workshop/{workshop.pk}/change/"
    assert sorted(
        Registration.objects.filter(workshop=workshop).values_list("participant__email", flat=True)
    ) == ["budi@imigrasi.example", "sari@imigrasi.example"]
    assert ImportMapping.objects.get(organisation=agency).columns == {
        "nama": "full_name",
        "surel": "email",
        "agency": "agency",
    }
    assert list(tmp_path.joinpath("imports").iterdir()) == []


def test_import_page_remembers_the_mapping_for_the_next_sheet(staff_client):
    agency = OrganisationFactory()
    ImportMapping.objects.create(organisation=agency, columns={"nama": "full_name"})
    workshop = WorkshopFactory()

    response = staff_client.post(
        f"/admin/workshops/workshop/{workshop.pk}/import/",
        {"upload": "1", "sheet": upload([["Nama"], ["Budi"]]), "organisation": agency.pk},
    )

    assert [c["field"] for c in response.context["columns"]] == ["full_name"]


def test_import_page_says_what_is_wrong_with_a_bad_file(staff_client):
    workshop = WorkshopFactory()

    response = staff_client.post(
        f"/admin/workshops/workshop/{workshop.pk}/import/",
        {"upload": "1", "sheet": SimpleUploadedFile("n.docx", b"PK..")},
    )

    assert response.context["form"].errors == {
        "sheet": ["Upload an Excel workbook (.xlsx) or a CSV file (.csv)."]
    }


def test_import_page_is_linked_from_the_workshop_page(staff_client):
    workshop = WorkshopFactory()

    response = staff_client.get(f"/admin/workshops/workshop/{workshop.pk}/change/")

    assert f'href="/admin/workshops/workshop/{workshop.pk}/import/"'.encode() in response.content


def test_import_template_sheet_has_our_columns(staff_client):
    workshop = WorkshopFactory()

    response = staff_client.get(f"/admin/workshops/workshop/{workshop.pk}/import/?template=xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == [
        "Given name",
        "Family name",
        "Email",
        "Position",
        "Agency",
        "Member state",
        "Gender",
    ]
