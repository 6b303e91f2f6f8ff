"""The trainers' area in the languages of the member states' officials."""

import pytest

from tests.i18n.pages import elements, html_lang, text, texts_of

pytestmark = pytest.mark.django_db

ROLL_CALL = "/trainer/workshops/virtual-workshop/days/2022-07-18/roll-call/"


@pytest.mark.parametrize(
    ("language", "marks", "save"),
    [
        ("id", ["Hadir", "Terlambat", "Tidak hadir"], "Simpan presensi"),
        ("ms", ["Hadir", "Lewat", "Tidak hadir"], "Simpan kehadiran"),
        ("vi", ["Có mặt", "Đi muộn", "Vắng mặt"], "Lưu điểm danh"),
        ("th", ["เข้าร่วม", "มาสาย", "ขาด"], "บันทึกการเช็กชื่อ"),
    ],
)
def test_roll_call_in_each_language(trainer_client, monday, make_roll, language, marks, save):
    make_roll(1)

    response = trainer_client.get(f"/{language}{ROLL_CALL}")

    html = response.content.decode()
    assert response.status_code == 200
    assert html_lang(html) == language
    assert [text(e) for e in elements(html) if e.tag == "label" and "btn-mark" in e.classes] == (
        marks
    )
    assert texts_of(html, "button", type="submit", **{"class": "btn btn-primary btn-lg"}) == [save]


def test_roll_call_saved_message_in_thai(trainer_client, monday, make_roll):
    (registration,) = make_roll(1)

    response = trainer_client.post(
        f"/th{ROLL_CALL}", {"day": monday.pk, f"mark-{registration.pk}": "late"}, follow=True
    )

    assert response.redirect_chain == [(f"/th{ROLL_CALL}", 302)]
    assert [m.message for m in response.context["messages"]] == [
        "บันทึกการเช็กชื่อวันที่ 18 กรกฎาคม 2022 แล้ว: บันทึกใหม่ 1 รายการ, แก้ไข 0 รายการ"
    ]


@pytest.mark.parametrize(
    ("language", "heading"),
    [("id", "Area pelatih"), ("ms", "Ruang jurulatih"), ("vi", "Khu vực giảng viên")],
)
def test_login_page_in_each_language(client, language, heading):
    html = client.get(f"/{language}/trainer/login/").content.decode()

    assert (html_lang(html), texts_of(html, "h1")) == (language, [heading])
