"""The trainer's attendance sheet of a workshop, as XLSX: the staff's sheet
(reports.exports.attendance_sheet) without the participants' email addresses."""

from django.views import View

from reports.exports import attendance_sheet, xlsx_response

from .mixins import AssignedWorkshopMixin


class AttendanceSheetView(AssignedWorkshopMixin, View):
    # GET only: any other method is a 405 (after the 404 of someone else's workshop).
    http_method_names = ["get", "head", "options"]

    def get(self, request, *args, **kwargs):
        header, rows = attendance_sheet(workshop=self.workshop, with_email=False)
        return xlsx_response(
            header=header,
            rows=rows,
            filename=f"{self.workshop.slug}-attendance",
            title="Attendance",
        )
