"""The public pages in each language: English at /, the others under /id/, /ms/,
/vi/ and /th/, with the interface, form messages and dates in that language."""

import datetime as dt
import unicodedata

import pytest

from tests.factories.publications import NewsArticleFactory
from tests.factories.workshops import WorkshopDayFactory, WorkshopFactory
from tests.i18n.pages import (
    by_id,
    html_lang,
    language_links,
    main_navigation,
    select_options,
    texts_of,
)
from workshops.services import refresh_workshop_dates

pytestmark = pytest.mark.django_db

# A browser test depends on these exact Indonesian labels.
INDONESIAN_NAVIGATION = ["Berita", "Acara", "Publikasi", "Sorotan", "Ajukan pelatihan"]
ENGLISH_NAVIGATION = ["News", "Events", "Publications", "Highlights", "Request training"]


@pytest.fixture
def event():
    """A public event held on Thursday 18 July 2030."""
    workshop = WorkshopFactory(slug="border-management-workshop")
    WorkshopDayFactory(workshop=workshop, held_on=dt.date(2030, 7, 18))
    refresh_workshop_dates(workshop=workshop)
    return workshop


def test_indonesian_home_has_indonesian_navigation_and_lang(client):
    response = client.get("/id/")

    html = response.content.decode()
    assert response.status_code == 200
    assert (html_lang(html), main_navigation(html)) == ("id", INDONESIAN_NAVIGATION)


@pytest.mark.parametrize(
    ("language", "news"),
    [("id", "Berita"), ("ms", "Berita"), ("vi", "Tin tức"), ("th", "ข่าว")],
)
def test_news_page_in_each_language_has_translated_label_and_lang(client, language, news):
    NewsArticleFactory()

    response = client.get(f"/{language}/news/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html_lang(html) == language
    assert main_navigation(html)[0] == news
    assert texts_of(html, "h1") == [news]


def test_english_pages_are_unprefixed_and_untranslated(client):
    # An Indonesian browser still gets English at an unprefixed address: the
    # language is the address's, so links and caches never mix languages.
    response = client.get("/news/", HTTP_ACCEPT_LANGUAGE="id")
    prefixed = client.get("/en/news/")

    html = response.content.decode()
    assert response.status_code == 200
    assert (html_lang(html), main_navigation(html)) == ("en", ENGLISH_NAVIGATION)
    assert prefixed.status_code == 404


def test_navigation_links_stay_in_the_page_language(client):
    html = client.get("/vi/").content.decode()

    assert texts_of(html, "a", href="/vi/news/") == ["Tin tức", "Tất cả tin tức"]
    assert texts_of(html, "a", href="/news/") == []


def test_language_switcher_links_to_the_same_page_in_every_language(client, event):
    response = client.get(f"/th/events/{event.slug}/")

    links = [(code, href) for code, href, _label in language_links(response.content.decode())]
    assert links == [
        ("en", f"/events/{event.slug}/"),
        ("id", f"/id/events/{event.slug}/"),
        ("ms", f"/ms/events/{event.slug}/"),
        ("vi", f"/vi/events/{event.slug}/"),
        ("th", f"/th/events/{event.slug}/"),
    ]


def test_language_switcher_names_each_language_in_itself(client, event):
    response = client.get(f"/th/events/{event.slug}/")

    # NFC: Django's own name for Vietnamese is stored decomposed.
    labels = [
        unicodedata.normalize("NFC", label)
        for _code, _href, label in language_links(response.content.decode())
    ]
    assert labels == ["English", "Bahasa Indonesia", "Bahasa Melayu", "Tiếng Việt", "ภาษาไทย"]


@pytest.mark.parametrize(
    ("prefix", "day"),
    [
        ("", "Thursday, July 18, 2030"),
        ("/id", "Kamis, 18 Juli 2030"),
        ("/ms", "Khamis, 18 Jul 2030"),
        # Vietnamese names a month by its number: "tháng 7" is July.
        ("/vi", "Thứ 5, Ngày 18 tháng 7 năm 2030"),
        ("/th", "พฤหัสบดี, 18 กรกฎาคม 2030"),
    ],
)
def test_event_page_gives_its_days_in_the_page_language(client, event, prefix, day):
    response = client.get(f"{prefix}/events/{event.slug}/")

    # Twice: in the programme and in the event's facts.
    assert texts_of(response.content.decode(), "time", datetime="2030-07-18") == [day, day]


def test_event_list_in_vietnamese_gives_the_month_in_vietnamese(client, event):
    response = client.get("/vi/events/")

    assert texts_of(response.content.decode(), "time", datetime="2030-07-18") == [
        "Ngày 18 tháng 7 năm 2030"
    ]


def test_event_page_translates_choice_labels(client, event):
    response = client.get(f"/vi/events/{event.slug}/")

    html = response.content.decode()
    facts = dict(zip(texts_of(html, "dt"), texts_of(html, "dd"), strict=True))
    # WorkshopKind.WORKSHOP and DeliveryMode.VIRTUAL, from workshops/choices.py.
    assert texts_of(html, "p", **{"class": "text-body-secondary mb-1"}) == ["Hội thảo"]
    assert facts["Hình thức tổ chức"] == "Trực tuyến · Zoom"


def test_publication_filter_offers_translated_kinds(client):
    response = client.get("/ms/publications/")

    assert select_options(response.content.decode(), "id_kind") == [
        "Semua jenis",
        "Panduan",
        "Alat",
        "Laporan",
        "Kurikulum",
        "Rangka kerja atau garis panduan",
        "Lain-lain",
    ]


def test_contact_form_in_thai_has_thai_labels_and_validation_messages(client):
    required = "ฟิลด์นี้จำเป็น"  # Django's own catalog: "This field is required."

    response = client.post("/th/contact/", {"message": "สั้นเกินไป"})

    html = response.content.decode()
    labels = {
        label: text.removesuffix("*")
        for label, text in zip(
            ("name", "email", "organisation", "member_state", "training_kind", "message"),
            texts_of(html, "label")[:6],
            strict=True,
        )
    }
    assert response.status_code == 200
    assert labels == {
        "name": "ชื่อของท่าน",
        "email": "ที่อยู่อีเมล",
        "organisation": "องค์กรหรือหน่วยงาน",
        "member_state": "ประเทศสมาชิก",
        "training_kind": "ประเภทการฝึกอบรมที่ต้องการ",
        "message": "ท่านต้องการให้การฝึกอบรมครอบคลุมเรื่องใดบ้าง",
    }
    assert texts_of(html, "div", id="form-errors") == ["โปรดแก้ไขช่องที่ระบุไว้ด้านล่าง"]
    assert by_id(html, "div", "invalid-feedback") == {
        "id_name_error": required,
        "id_email_error": required,
        "id_organisation_error": required,
        "id_member_state_error": required,
        "id_training_kind_error": required,
        "id_message_error": ("โปรดให้รายละเอียดเพิ่มเติม (อย่างน้อย 20 ตัวอักษร): หัวข้อและผู้ที่จะเข้าร่วม"),
    }
