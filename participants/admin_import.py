"""The nomination-sheet import of a workshop's admin page: upload, preview with the
columns mapped (changeable), confirm. The file waits in storage between the steps,
named in the session, so that a 5,000-row sheet is not sent back and forth."""

import io
import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from openpyxl import Workbook

from workshops.models import Organisation, Workshop

from .sheets import (
    ERROR,
    EXISTING,
    FIELDS,
    NEW,
    SheetError,
    guess_mapping,
    import_nominations,
    preview_rows,
    read_sheet,
    remember_mapping,
    remembered_mapping,
)

# Rows shown besides every row with an error: the preview is a check, not a listing.
SHOWN_ROWS = 100


class UploadForm(forms.Form):
    sheet = forms.FileField(help_text="The nomination sheet, .xlsx or .csv, header row first.")
    organisation = forms.ModelChoiceField(
        Organisation.objects.order_by("name"),
        required=False,
        help_text="The agency that sent it: its column mapping is remembered for next time.",
    )


def _session_key(workshop):
    return f"sheet-import-{workshop.pk}"


def import_view(model_admin, request, pk):
    workshop = get_object_or_404(Workshop, pk=pk)
    if not (
        model_admin.has_change_permission(request, workshop)
        and request.user.has_perms(
            ["participants.add_participant", "participants.add_registration"]
        )
    ):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "original": workshop,
        "title": f"Import a nomination sheet into {workshop}",
        "fields": FIELDS,
    }
    if request.GET.get("template") == "xlsx":
        return _template_sheet()
    key = _session_key(workshop)
    if request.method == "POST" and "upload" in request.POST:
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["sheet"]
            content = upload.read()
            try:
                sheet = read_sheet(name=upload.name, content=content)
            except SheetError as error:
                form.add_error("sheet", str(error))
            else:
                suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
                path = default_storage.save(
                    f"imports/{uuid.uuid4().hex}{suffix}", ContentFile(content)
                )
                organisation = form.cleaned_data["organisation"]
                request.session[key] = {
                    "path": path,
                    "organisation": organisation.pk if organisation else None,
                }
                mapping = guess_mapping(
                    headers=sheet.headers,
                    remembered=remembered_mapping(organisation=organisation),
                )
                return _preview(request, context, workshop, sheet, mapping)
        return TemplateResponse(
            request, "admin/participants/import.html", {**context, "form": form}
        )
    if request.method == "POST" and key in request.session:
        stored = request.session[key]
        with default_storage.open(stored["path"], "rb") as file:
            sheet = read_sheet(name=stored["path"], content=file.read())
        mapping = {
            index: request.POST[f"column-{index}"]
            for index in range(len(sheet.headers))
            if request.POST.get(f"column-{index}") in FIELDS
        }
        if "confirm" in request.POST:
            previews = preview_rows(workshop=workshop, sheet=sheet, mapping=mapping)
            try:
                count = import_nominations(workshop=workshop, previews=previews)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return _preview(request, context, workshop, sheet, mapping, previews)
            if stored["organisation"]:
                remember_mapping(
                    organisation=Organisation.objects.get(pk=stored["organisation"]),
                    headers=sheet.headers,
                    mapping=mapping,
                )
            default_storage.delete(stored["path"])
            del request.session[key]
            skipped = sum(p.status == ERROR for p in previews)
            messages.success(
                request,
                f"{count} participant(s) registered as nominated"
                + (f"; {skipped} row(s) with errors left out." if skipped else "."),
            )
            return redirect("admin:workshops_workshop_change", workshop.pk)
        return _preview(request, context, workshop, sheet, mapping)
    return TemplateResponse(
        request, "admin/participants/import.html", {**context, "form": UploadForm()}
    )


def _preview(request, context, workshop, sheet, mapping, previews=None):
    if previews is None:
        previews = preview_rows(workshop=workshop, sheet=sheet, mapping=mapping)
    shown = [p for p in previews if p.status == ERROR]
    shown += [p for p in previews if p.status != ERROR][:SHOWN_ROWS]
    shown.sort(key=lambda p: p.number)
    columns = [
        {"index": index, "header": header, "field": mapping.get(index, "")}
        for index, header in enumerate(sheet.headers)
    ]
    return TemplateResponse(
        request,
        "admin/participants/import.html",
        {
            **context,
            "columns": columns,
            "rows": shown,
            "counts": {
                "new": sum(p.status == NEW for p in previews),
                "existing": sum(p.status == EXISTING for p in previews),
                "error": sum(p.status == ERROR for p in previews),
                "hidden": len(previews) - len(shown),
            },
        },
    )


# The columns an agency can fill in without any mapping.
TEMPLATE_COLUMNS = [
    "given_name",
    "family_name",
    "email",
    "position",
    "agency",
    "member_state",
    "gender",
]


def _template_sheet():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Nominations")
    sheet.append([FIELDS[name] for name in TEMPLATE_COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="nomination-sheet.xlsx"'
    return response
