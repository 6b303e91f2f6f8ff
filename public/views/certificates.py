"""The public check of a certificate of completion: /certificates/ (a form) and
/certificates/<code>/ (the holder's name, the workshop, its dates, valid or revoked).

Never page-cached (public.cache stores only CachedPageMixin views, and these say
no-store besides): a revocation shows at once, and a holder's name is not kept in
a shared cache. Rate limited per client, so that codes cannot be guessed in bulk;
no page lists codes.
"""

from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache

from core.ratelimit import hit_is_allowed
from training.certificate_codes import normalise_code
from training.queries import certificate_check

from ..forms import CertificateCodeForm

CHECK_LIMIT = 30  # checks per client address...
CHECK_WINDOW_SECONDS = 10 * 60  # ...per ten minutes: a desk checking a pile of them
TEMPLATE = "training/certificate_check.html"


@method_decorator(never_cache, name="dispatch")
class CertificateFormView(View):
    """The form; a valid code goes to its page, in its printed form."""

    def get(self, request):
        if "code" not in request.GET:
            return render(request, TEMPLATE, {"form": CertificateCodeForm(), "state": "form"})
        form = CertificateCodeForm(request.GET)
        if form.is_valid():
            return redirect("certificates:detail", code=form.cleaned_data["code"])
        return render(request, TEMPLATE, {"form": form, "state": "form"})


@method_decorator(never_cache, name="dispatch")
class CertificateCheckView(View):
    def get(self, request, code):
        normalised = normalise_code(code)
        if normalised is not None and normalised != code:
            # Typed in lower case or without the dash: the same certificate, at its
            # one address (not counted: no lookup is made).
            return redirect("certificates:detail", code=normalised)
        if not hit_is_allowed(
            "certificate-check", request, limit=CHECK_LIMIT, window_seconds=CHECK_WINDOW_SECONDS
        ):
            return render(request, TEMPLATE, {"state": "rate_limited"}, status=429)
        found = certificate_check(normalised) if normalised else None
        if found is None:
            form = CertificateCodeForm(initial={"code": code})
            return render(
                request, TEMPLATE, {"state": "unknown", "code": code, "form": form}, status=404
            )
        return render(
            request,
            TEMPLATE,
            {"state": "revoked" if found.is_revoked else "valid", "certificate": found},
        )
