"""Query helpers shared by the staff admin of all apps."""

from django.contrib import admin
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce, ExtractYear


def count_of(queryset, fk: str):
    """Annotation: how many rows of `queryset` point to the outer row through `fk`.

    A correlated subquery rather than Count() over a join: two counts over joins
    (registrations × sessions on the workshop changelist) multiply the rows the
    database groups, and the paginator's count and the date hierarchy keep
    aggregate joins while they drop unreferenced subqueries.
    """
    return Coalesce(
        Subquery(
            queryset.filter(**{fk: OuterRef("pk")})
            .order_by()
            .values(fk)
            .annotate(count=Count("pk"))
            .values("count")
        ),
        0,
    )


def year_filter(field_path: str, title: str = "year"):
    """A sidebar filter by the year of `field_path` (a date or datetime, may span relations).

    Lists only the years that occur, in one query whatever the number of rows.
    """

    class YearFilter(admin.SimpleListFilter):
        parameter_name = "year"

        def lookups(self, request, model_admin):
            years = (
                model_admin.model._default_manager.filter(**{f"{field_path}__isnull": False})
                .annotate(year=ExtractYear(field_path))
                .values_list("year", flat=True)
                .distinct()
                .order_by("-year")
            )
            return [(str(year), str(year)) for year in years]

        def queryset(self, request, queryset):
            if self.value() and self.value().isdigit():
                return queryset.filter(**{f"{field_path}__year": self.value()})
            return queryset

    YearFilter.title = title
    return YearFilter


def count_column(annotation: str, description: str):
    """A sortable changelist column showing a count annotated by get_queryset (count_of)."""

    @admin.display(description=description, ordering=annotation)
    def column(model_admin, obj):
        return getattr(obj, annotation)

    return column
