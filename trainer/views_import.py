"""Import of a virtual day's attendance from Zoom's participants report: upload,
preview (with people assigned by hand), confirm.

Between the upload and the confirmation the grouped report is kept in the trainer's
session (database or cache backed, so any web worker can serve the next request), under
a key of the day, with a random id that the preview's form carries back: a preview
replaced by another upload in another tab is never confirmed by mistake. The file itself
is not stored. Nothing is written to the records until the trainer confirms; then the
marks of the whole roll go through training.services.record_roll_call in one write.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.generic import FormView

from training import services
from training.queries import is_day_callable
from training.virtual_import import (
    build_preview,
    day_schedule,
    group_report,
    people_from_data,
    people_to_data,
    roll_for_import,
)

from .forms_import import VirtualImportForm, ZoomReportUploadForm
from .mixins import WorkshopDayMixin


def _session_key(day) -> str:
    return f"trainer-virtual-import-{day.pk}"


def _day_url(name, day):
    return reverse(f"trainer:{name}", kwargs={"slug": day.workshop.slug, "date": day.held_on})


class VirtualImportUploadView(WorkshopDayMixin, FormView):
    """The upload of a day's report: once read, it is kept in the session (replacing an
    earlier upload for the day) and the preview follows."""

    template_name = "trainer/virtual_import_upload.html"
    form_class = ZoomReportUploadForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "day": self.day}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            has_pending=_session_key(self.day) in self.request.session, **kwargs
        )

    def form_valid(self, form):
        if not is_day_callable(self.day):
            form.add_error(None, _future_day_message(self.day))
            return self.form_invalid(form)
        people = group_report(form.report)
        self.request.session[_session_key(self.day)] = {
            "id": uuid.uuid4().hex,
            "people": people_to_data(people),
            "assignments": {},
        }
        return redirect(_day_url("virtual-import-preview", self.day))


def _future_day_message(day) -> str:
    return _("The attendance of %(date)s cannot be imported before that day.") % {
        "date": date_format(day.held_on, "DATE_FORMAT")
    }


class VirtualImportPreviewView(WorkshopDayMixin, FormView):
    """The preview of the kept report against the current roll; its POST updates the
    hand assignments ("update"), saves the marks ("confirm") or drops the report
    ("cancel")."""

    template_name = "trainer/virtual_import_preview.html"
    form_class = VirtualImportForm

    def find_objects(self):
        super().find_objects()
        self.stored = self.request.session.get(_session_key(self.day))

    def setup_preview(self):
        assignments = {int(index): pk for index, pk in self.stored["assignments"].items()}
        self.people = people_from_data(self.stored["people"])
        self.roll = roll_for_import(self.day)
        self.schedule = day_schedule(self.day)
        # Who needs a decision is who the automatic matching leaves undecided; the
        # decisions taken so far are applied on top.
        automatic = build_preview(people=self.people, roll=self.roll, schedule=self.schedule)
        self.unresolved = automatic.ambiguous + automatic.unmatched
        self.preview = build_preview(
            people=self.people, roll=self.roll, schedule=self.schedule, assignments=assignments
        )

    def no_report(self):
        messages.info(self.request, _("Upload the day’s participants report first."))
        return redirect(_day_url("virtual-import", self.day))

    def get(self, request, *args, **kwargs):
        if self.stored is None:
            return self.no_report()
        self.setup_preview()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.stored is None:
            return self.no_report()
        if "cancel" in request.POST:
            del request.session[_session_key(self.day)]
            messages.info(request, _("The report was dropped; nothing was saved."))
            return redirect("trainer:workshop", slug=self.workshop.slug)
        self.setup_preview()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "preview_id": self.stored["id"],
            "unresolved": self.unresolved,
            "roll": self.roll,
        }

    def get_initial(self):
        return {f"assign-{index}": pk for index, pk in self.stored["assignments"].items()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=self.preview, **kwargs)

    def form_valid(self, form):
        assignments = form.assignments()
        if "confirm" not in self.request.POST:
            self.stored["assignments"] = {str(index): pk for index, pk in assignments.items()}
            self.request.session.modified = True
            return redirect(self.request.path)
        preview = build_preview(
            people=self.people, roll=self.roll, schedule=self.schedule, assignments=assignments
        )
        try:
            result = services.record_roll_call(
                day=self.day, marks=preview.marks, by=self.request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        del self.request.session[_session_key(self.day)]
        messages.success(
            self.request,
            _(
                "Attendance of %(day)s imported from the report: %(present)d present, "
                "%(absent)d absent. Marks saved or corrected: %(written)d."
            )
            % {
                "day": date_format(self.day.held_on, "DATE_FORMAT"),
                "present": len(preview.present),
                "absent": len(preview.below_minimum) + len(preview.not_in_report),
                "written": result.created + result.changed,
            },
        )
        return redirect(_day_url("roll-call", self.day))
