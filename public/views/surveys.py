"""A participant's survey, at the private link of their invitation: /survey/<token>/
(and /id/survey/<token>/... in the other languages; the email links to the
participant's own).

No login: the token is the key. So every answer here is private to one person:
never stored by the page cache (public.cache skips these addresses), never kept by a
browser or proxy (Cache-Control: private, no-store), and the address, which carries
the token, is not sent on as a Referer when the participant follows a link away.
Writes go through surveys.services.
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, get_language_from_path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from surveys import queries, services
from surveys.forms import SurveyForm
from surveys.models import Invitation

from .files import not_found


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _invitation(token):
    try:
        return queries.invitation_for_token(token)
    except Invitation.DoesNotExist:
        return None


def _language_redirect(request, invitation):
    """An English (unprefixed) link opened by a participant whose language is another,
    who has not chosen one on this site: the same page in their language."""
    if (
        request.method in ("GET", "HEAD")
        and get_language_from_path(request.path_info) is None
        and invitation.language != settings.LANGUAGE_CODE
        and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
    ):
        return redirect(f"/{invitation.language}{request.path_info}")
    return None


def _closed(request, invitation, reason):
    context = {"workshop": invitation.survey.workshop, "reason": reason}
    # 410 Gone: the link existed and no longer opens the survey.
    return render(request, "surveys/survey_closed.html", context, status=410)


# No CSRF check: the form's authority is the secret in its address, not a cookie a
# forged request could ride on; a site that could forge this POST already knows the
# token. And a check could not work: with no-referrer, browsers send `Origin: null`.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def survey(request, token):
    """The questions; a valid POST records the answers once and goes to the thanks
    page. An error shows each field's message with everything typed kept."""
    invitation = _invitation(token)
    if invitation is None:
        return _private(not_found(request))
    if response := _language_redirect(request, invitation):
        return _private(response)
    if invitation.is_answered:
        return _private(_closed(request, invitation, "answered"))
    if invitation.is_expired():
        return _private(_closed(request, invitation, "expired"))
    template = invitation.survey.template
    form = SurveyForm(
        request.POST if request.method == "POST" else None,
        questions=queries.survey_questions(template),
    )
    if form.is_bound and form.is_valid():
        try:
            services.submit_response(
                invitation=invitation, answers=form.answers(), language=get_language()
            )
        except services.AlreadyAnswered:
            return _private(_closed(request, invitation, "answered"))
        except services.InvitationExpired:
            return _private(_closed(request, invitation, "expired"))
        return _private(redirect("survey-thanks", token=token))
    context = {
        "form": form,
        "workshop": invitation.survey.workshop,
        "template": template,
        "expires_at": invitation.expires_at,
    }
    return _private(render(request, "surveys/survey_form.html", context))


@require_http_methods(["GET", "HEAD"])
def survey_thanks(request, token):
    invitation = _invitation(token)
    if invitation is None:
        return _private(not_found(request))
    if not invitation.is_answered:
        return _private(redirect("survey", token=token))
    context = {"workshop": invitation.survey.workshop}
    return _private(render(request, "surveys/survey_thanks.html", context))
