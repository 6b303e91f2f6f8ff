"""The trainers' completion page (the rule's proposal, confirmed at once or overridden
one participant at a time) and certificate downloads; the staff-only revocation."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView, TemplateView

from participants.choices import RegistrationStatus
from participants.models import Registration
from training import queries, services
from training.certificate_pdf import pdf_response
from training.models import Certificate

from .forms_completion import CompletionOverrideForm, RevokeCertificateForm
from .mixins import AssignedWorkshopMixin, TrainerAreaMixin


class CompletionView(AssignedWorkshopMixin, TemplateView):
    """The completion rule applied to each participant (training.queries.
    completion_proposal); a POST confirms it for all (services.confirm_completion)."""

    template_name = "trainer/completion.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            proposal=queries.completion_proposal(self.workshop), **kwargs
        )

    def post(self, request, *args, **kwargs):
        try:
            result = services.confirm_completion(workshop=self.workshop, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        messages.success(request, _completion_confirmed(result))
        if result.certificates_to_revoke:
            messages.warning(
                request,
                ngettext(
                    "%(count)d participant who no longer completed still holds a valid "
                    "certificate: ask staff to revoke it.",
                    "%(count)d participants who no longer completed still hold valid "
                    "certificates: ask staff to revoke them.",
                    result.certificates_to_revoke,
                )
                % {"count": result.certificates_to_revoke},
            )
        return redirect(request.path)


def _completion_confirmed(result) -> str:
    return _("Completion confirmed: %(completed)s, %(attended)s, %(issued)s.") % {
        "completed": ngettext("%(count)d completed", "%(count)d completed", result.completed)
        % {"count": result.completed},
        "attended": ngettext(
            "%(count)d attended without completing",
            "%(count)d attended without completing",
            result.attended,
        )
        % {"count": result.attended},
        "issued": ngettext("%(count)d new certificate", "%(count)d new certificates", result.issued)
        % {"count": result.issued},
    }


class CompletionOverrideView(AssignedWorkshopMixin, FormView):
    """One participant's completion decided by the trainer against the rule, with a
    reason (services.override_completion)."""

    template_name = "trainer/completion_override.html"
    form_class = CompletionOverrideForm

    def find_objects(self):
        super().find_objects()
        try:
            self.registration = (
                Registration.objects.filter(workshop=self.workshop)
                .exclude(status=RegistrationStatus.WITHDRAWN)
                .select_related("participant", "completion_override")
                .get(pk=self.kwargs["pk"])
            )
        except Registration.DoesNotExist:
            raise Http404(_("No participant of this workshop has this address.")) from None
        self.registration.workshop = self.workshop

    def get_initial(self):
        override = getattr(self.registration, "completion_override", None)
        if override is None:
            return {}
        return {
            "outcome": "completed" if override.is_completed else "not-completed",
            "reason": override.reason,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(registration=self.registration, **kwargs)

    def form_valid(self, form):
        try:
            services.override_completion(
                registration=self.registration,
                is_completed=form.is_completed,
                reason=form.cleaned_data["reason"],
                by=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Decision on %(name)s saved.") % {"name": self.registration.participant},
        )
        return redirect("trainer:completion", slug=self.workshop.slug)


class CertificatePdfView(AssignedWorkshopMixin, View):
    """One participant's certificate (a valid one of this workshop) as a PDF."""

    def get(self, request, *args, **kwargs):
        printed = queries.printed_certificates(
            queries.workshop_certificates(self.workshop).filter(registration_id=kwargs["pk"])
        )
        if not printed:
            raise Http404(_("This participant has no valid certificate."))
        return pdf_response(printed, filename=f"certificate-{printed[0].code}.pdf")


class WorkshopCertificatesPdfView(AssignedWorkshopMixin, View):
    """Every valid certificate of the workshop in one PDF, a page each."""

    def get(self, request, *args, **kwargs):
        printed = queries.printed_certificates(queries.workshop_certificates(self.workshop))
        if not printed:
            messages.info(request, _("No certificate has been issued for this workshop yet."))
            return redirect("trainer:completion", slug=self.workshop.slug)
        return pdf_response(printed, filename=f"certificates-{self.workshop.slug}.pdf")


class RevokeCertificateView(TrainerAreaMixin, PermissionRequiredMixin, FormView):
    """Staff revoke a certificate with a reason (services.revoke_certificate), from its
    admin page's link. A trainer is refused (403): revoking is staff's decision."""

    template_name = "trainer/certificate_revoke.html"
    form_class = RevokeCertificateForm
    permission_required = "training.change_certificate"

    def has_permission(self):
        return self.request.user.is_staff and super().has_permission()

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            try:
                self.certificate = Certificate.objects.select_related(
                    "registration__participant", "registration__workshop"
                ).get(code=kwargs["code"])
            except Certificate.DoesNotExist:
                raise Http404(_("No certificate has this code.")) from None
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(certificate=self.certificate, **kwargs)

    def form_valid(self, form):
        try:
            services.revoke_certificate(
                certificate=self.certificate,
                reason=form.cleaned_data["reason"],
                by=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Certificate %(code)s revoked.") % {"code": self.certificate.code}
        )
        return redirect(reverse("admin:training_certificate_changelist"))
