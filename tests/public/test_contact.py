import re

import pytest

from tests.factories.workshops import MemberStateFactory
from tests.public.builders import contact_form_data
from workshops.choices import MemberStateKind
from workshops.models import TrainingRequest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _staff_addresses(settings):
    settings.CONTACT_EMAILS = ["training@rso.example"]


@pytest.fixture
def malaysia():
    return MemberStateFactory(name="Malaysia")


@pytest.fixture
def valid_data(malaysia):
    return contact_form_data(malaysia)


def test_contact_form_renders_every_field_labelled(client):
    response = client.get("/contact/")

    html = response.content.decode()
    assert response.status_code == 200
    for field in ("name", "organisation", "member_state", "email", "training_kind", "message"):
        assert f'for="id_{field}"' in html
    assert re.search(r'class="contact-hp"\s+aria-hidden="true"> <div id="div_id_website"', html)


def test_contact_form_offers_trainings_and_member_states_only(client):
    MemberStateFactory(name="Malaysia")
    MemberStateFactory(name="Canada", kind=MemberStateKind.OBSERVER)
    MemberStateFactory(
        name="International Organization for Migration",
        kind=MemberStateKind.INTERNATIONAL_ORGANISATION,
    )

    form = client.get("/contact/").context["form"]

    assert [label for _, label in form.fields["member_state"].choices] == [
        "Choose a member state",
        "Malaysia",
    ]
    assert [value for value, _ in form.fields["training_kind"].choices] == [
        "",
        "workshop",
        "course",
        "seminar",
    ]


def test_contact_form_refuses_a_kind_that_is_not_a_training(client, valid_data):
    response = client.post("/contact/", {**valid_data, "training_kind": "forum"})

    assert response.context["form"].errors["training_kind"] == [
        "Select a valid choice. forum is not one of the available choices."
    ]


def test_contact_page_shows_the_office_address(client, settings):
    settings.OFFICE_EMAIL = "info@rso.example.org"

    html = client.get("/contact/").content.decode()

    assert (
        'You can also write to the office at <a href="mailto:info@rso.example.org">'
        "info@rso.example.org</a>, for instance if you work for an international organisation "
        "or an observer of the Bali Process."
    ) in html


def test_contact_form_stores_the_request_emails_staff_and_redirects(
    client, valid_data, malaysia, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contact/", valid_data)

    assert response.status_code == 302
    assert response["Location"] == "/contact/thanks/"
    request = TrainingRequest.objects.get()
    assert (request.name, request.member_state, request.email, request.language) == (
        "Siti Aminah",
        malaysia,
        "siti.aminah@imi.example",
        "en",
    )
    # The staff notice, then the acknowledgement (tests/notifications/test_training_requests.py).
    assert [email.to for email in mailoutbox] == [
        ["training@rso.example"],
        ["siti.aminah@imi.example"],
    ]
    email = mailoutbox[0]
    assert email.to == ["training@rso.example"]
    assert email.reply_to == ["siti.aminah@imi.example"]
    assert email.subject == "Training request: Immigration Department of Malaysia (Malaysia)"
    assert "Kind of training wanted: Workshop" in email.body
    assert "A workshop on detecting people smuggling at airports" in email.body


def test_contact_form_emails_only_after_commit(client, valid_data, mailoutbox):
    client.post("/contact/", valid_data)

    # The test's transaction never commits: nothing may be sent for a rolled-back row.
    assert TrainingRequest.objects.count() == 1
    assert mailoutbox == []


def test_contact_form_in_another_language_records_it(
    client, valid_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/id/contact/", valid_data)

    assert response["Location"] == "/id/contact/thanks/"
    assert TrainingRequest.objects.get().language == "id"


def test_contact_thanks_page_says_the_request_was_sent(client):
    response = client.get("/contact/thanks/")

    assert "Thank you: your request has been sent" in response.content.decode()


def test_contact_form_with_invalid_input_keeps_it_and_says_what_to_fix(client, valid_data):
    data = {**valid_data, "email": "not-an-address", "message": "Too short", "member_state": ""}

    response = client.post("/contact/", data)

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "email": ["Enter a valid email address."],
        "member_state": ["This field is required."],
        "message": [
            "Tell us a little more (at least 20 characters): the topic and who would attend."
        ],
    }
    assert 'value="Siti Aminah"' in html
    assert 'value="not-an-address"' in html
    assert 'id="id_message">\nToo short</textarea>' in html
    assert TrainingRequest.objects.count() == 0


def test_contact_form_filled_honeypot_is_thanked_but_not_stored(
    client, valid_data, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contact/", {**valid_data, "website": "http://spam.example"})

    assert response.status_code == 302
    assert TrainingRequest.objects.count() == 0
    assert mailoutbox == []


def test_contact_form_limits_each_address_to_five_requests_an_hour(client, valid_data):
    for _ in range(5):
        assert client.post("/contact/", valid_data).status_code == 302

    refused = client.post("/contact/", valid_data)
    other_address = client.post("/contact/", valid_data, REMOTE_ADDR="203.0.113.9")

    assert refused.status_code == 429
    assert refused.context["form"].non_field_errors() == [
        "You have sent several requests in the last hour. Please wait an hour before sending "
        "another, or write to us by email."
    ]
    assert 'value="Siti Aminah"' in refused.content.decode()
    assert other_address.status_code == 302
    assert TrainingRequest.objects.count() == 6


def test_contact_form_invalid_posts_do_not_count_towards_the_limit(client, valid_data):
    for _ in range(6):
        client.post("/contact/", {**valid_data, "email": "wrong"})

    assert client.post("/contact/", valid_data).status_code == 302
