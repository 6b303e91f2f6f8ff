"""Staff saving at the same moment as another: a check the forms passed can fail when
the database is written, after another submit changed what the forms had read."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError


class RecheckOnConflictMixin:
    """A ModelAdmin whose submit is validated again when the save meets a conflict.

    Two staff filling the last place of a workshop, or registering the same person,
    both pass the forms' checks; the second save is then refused by the service's
    lock (ValidationError) or by a unique constraint (IntegrityError), and the admin
    would answer 500. The admin's transaction has rolled everything back by then, so
    the same POST is validated once more: the forms now see the other submit's rows
    and show their usual message on the field, with what the staff member typed.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (ValidationError, IntegrityError):
            if request.method != "POST":
                raise
            # Once: a second conflict is not a race the forms can explain.
            return super().changeform_view(request, object_id, form_url, extra_context)
