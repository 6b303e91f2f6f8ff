"""The participant's survey page at /survey/<token>/: token rules, validation per
question kind, language, and what the page tells browsers and caches."""

import datetime as dt

import pytest
from django.utils import timezone

from surveys.models import Answer, Response
from tests.html import csp_violations
from tests.surveys.conftest import questions_by_key

pytestmark = pytest.mark.django_db


def url(invitation, language=""):
    prefix = f"/{language}" if language else ""
    return f"{prefix}/survey/{invitation.token}/"


def valid_answers(template, **overrides):
    q = questions_by_key(template)
    data = {
        f"q{q['overall'].pk}": "4",
        f"q{q['knowledge'].pk}": str(q["knowledge"].choices.all()[0].pk),
        f"q{q['useful'].pk}": [str(c.pk) for c in q["useful"].choices.all()[:2]],
        f"q{q['recommend'].pk}": "yes",
        f"q{q['improve'].pk}": "More exercises, please.",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def test_page_shows_the_questions_with_no_login(client, invitation):
    response = client.get(url(invitation))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Overall rating?" in html
    assert "Which parts were useful?" in html
    assert "Regional Workshop on Document Fraud" in html
    assert csp_violations(html) == []


def test_page_is_private_never_cached_and_sends_no_referrer(client, invitation, template, settings):
    settings.PAGE_CACHE_ENABLED = True

    first = client.get(url(invitation))
    # Surveys are no public model: a stored page would not notice this change.
    template.title = "Evaluation, renamed"
    template.save()
    second = client.get(url(invitation))

    for response in (first, second):
        assert response["Cache-Control"] == "private, no-store"
        assert response["Referrer-Policy"] == "no-referrer"
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert "Set-Cookie" not in response
    assert "Evaluation, renamed" in second.content.decode()


def test_form_posts_without_a_csrf_token_as_a_no_referrer_browser_does(invitation, template):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)

    response = browser.post(url(invitation), valid_answers(template), headers={"origin": "null"})

    assert response.status_code == 302
    assert Response.objects.count() == 1


def test_page_cache_never_looks_up_survey_addresses(rf):
    from public.cache import _may_use_cache

    assert _may_use_cache(rf.get("/survey/abc/")) is False
    assert _may_use_cache(rf.get("/th/survey/abc/thanks/")) is False
    assert _may_use_cache(rf.get("/events/")) is True


def test_valid_answers_are_saved_once_and_lead_to_the_thank_you_page(client, invitation, template):
    response = client.post(url(invitation), valid_answers(template))

    assert response.status_code == 302
    assert response["Location"] == f"/survey/{invitation.token}/thanks/"
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Thank you for your answers" in thanks.content.decode()
    assert thanks["Referrer-Policy"] == "no-referrer"
    q = questions_by_key(template)
    response_row = Response.objects.get()
    assert sorted(
        Answer.objects.filter(response=response_row).values_list(
            "question__key", "number", "choice__label", "text"
        )
    ) == [
        ("improve", None, None, "More exercises, please."),
        ("knowledge", None, "A lot", ""),
        ("overall", 4, None, ""),
        ("recommend", 1, None, ""),
        ("useful", None, "Exercises", ""),
        ("useful", None, "Talks", ""),
    ]
    assert q["overall"].answers.count() == 1


def test_used_link_shows_a_clear_page_and_takes_no_second_answer(client, invitation, template):
    client.post(url(invitation), valid_answers(template))

    again = client.get(url(invitation))
    second_post = client.post(url(invitation), valid_answers(template))

    assert again.status_code == 410
    assert "Survey already answered" in again.content.decode()
    assert second_post.status_code == 410
    assert Response.objects.count() == 1


def test_expired_link_shows_a_clear_page(client, invitation, template):
    invitation.created_at = timezone.now() - dt.timedelta(days=61)
    invitation.expires_at = timezone.now() - dt.timedelta(seconds=1)
    invitation.save()

    page = client.get(url(invitation))
    post = client.post(url(invitation), valid_answers(template))

    assert page.status_code == 410
    assert "Survey link expired" in page.content.decode()
    assert post.status_code == 410
    assert Response.objects.count() == 0


@pytest.mark.parametrize(
    "token",
    [
        "unknown-token-that-was-never-issued-000000000",
        "",  # /survey// is no address at all
    ],
)
def test_unknown_token_is_our_404_page(client, invitation, token):
    response = client.get(f"/survey/{token}/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_tampered_token_is_a_404(client, invitation):
    last = invitation.token[-1]
    tampered = invitation.token[:-1] + ("A" if last != "A" else "B")

    for address in (f"/survey/{tampered}/", f"/survey/{invitation.token.upper()}/"):
        response = client.get(address)
        assert response.status_code == 404
        assert response["Cache-Control"] == "private, no-store"
    assert client.get(f"/survey/{invitation.token}x/").status_code == 404


def test_missing_required_answers_get_a_message_each_and_keep_what_was_typed(
    client, invitation, template
):
    q = questions_by_key(template)
    data = valid_answers(
        template,
        **{f"q{q['overall'].pk}": None, f"q{q['recommend'].pk}": None},
    )

    response = client.post(url(invitation), data)

    html = response.content.decode()
    form = response.context["form"]
    assert response.status_code == 200
    assert form.errors == {
        f"q{q['overall'].pk}": ["Please answer this question."],
        f"q{q['recommend'].pk}": ["Please answer this question."],
    }
    assert "More exercises, please." in html
    assert f'value="{q["knowledge"].choices.all()[0].pk}"' in html
    assert "Everything you typed is still here." in html
    assert Response.objects.count() == 0


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("overall", "6", "Choose one of the answers offered."),
        ("overall", "0", "Choose one of the answers offered."),
        ("knowledge", "999999", "Choose one of the answers offered."),
        ("useful", ["999999"], "Choose one of the answers offered."),
        ("recommend", "maybe", "Choose one of the answers offered."),
        ("improve", "x" * 4001, "Ensure this value has at most 4000 characters (it has 4001)."),
    ],
)
def test_each_question_kind_refuses_a_value_it_does_not_offer(
    client, invitation, template, key, value, message
):
    q = questions_by_key(template)

    response = client.post(url(invitation), valid_answers(template, **{f"q{q[key].pk}": value}))

    assert response.context["form"].errors == {f"q{q[key].pk}": [message]}
    assert Response.objects.count() == 0


def test_a_choice_of_another_question_is_refused(client, invitation, template):
    q = questions_by_key(template)
    other = str(q["useful"].choices.all()[0].pk)

    response = client.post(
        url(invitation), valid_answers(template, **{f"q{q['knowledge'].pk}": other})
    )

    assert response.context["form"].errors == {
        f"q{q['knowledge'].pk}": ["Choose one of the answers offered."]
    }


def test_optional_questions_may_stay_empty(client, invitation, template):
    q = questions_by_key(template)

    response = client.post(
        url(invitation),
        valid_answers(template, **{f"q{q['useful'].pk}": None, f"q{q['improve'].pk}": ""}),
    )

    assert response.status_code == 302
    assert sorted(Answer.objects.values_list("question__key", flat=True)) == [
        "knowledge",
        "overall",
        "recommend",
    ]


def test_page_is_in_the_language_of_its_address_with_translated_questions(client, invitation):
    response = client.get(url(invitation, "id"))

    html = response.content.decode()
    assert response["Content-Language"] == "id"
    assert '<html lang="id">' in html
    assert "Penilaian keseluruhan?" in html
    # Not translated: the English text stands in.
    assert "How much did you learn?" in html


def test_unprefixed_link_goes_to_the_participant_language(client, invitation):
    invitation.language = "th"
    invitation.save()

    response = client.get(url(invitation))
    chosen = client.get(url(invitation), headers={"cookie": "django_language=en"})

    assert response.status_code == 302
    assert response["Location"] == f"/th/survey/{invitation.token}/"
    assert chosen.status_code == 200


def test_response_records_the_page_language(client, invitation, template):
    client.post(url(invitation, "vi"), valid_answers(template))

    assert Response.objects.get().language == "vi"


def test_thanks_page_before_answering_goes_to_the_survey(client, invitation):
    response = client.get(f"/survey/{invitation.token}/thanks/")

    assert response.status_code == 302
    assert response["Location"] == f"/survey/{invitation.token}/"


def test_page_shows_no_other_participant_and_logs_no_name(client, invitation, template, caplog):
    caplog.set_level("DEBUG")

    client.get(url(invitation))
    client.post(url(invitation), valid_answers(template))

    assert "Rahmawati" not in caplog.text
    assert invitation.token not in caplog.text
