"""A paginator that fetches a page and the count of all items in one statement."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


class CountedPaginator(Paginator):
    """Paginator over an object list with `page_with_count(offset, limit)` -> (count of
    all items or None when no row came back, the rows) and `count()`: a page costs one
    statement where Paginator runs two (the count, then the page's slice), each built
    and compiled by the ORM, which on the news listing took longer than running them.

    Same pages and errors as Paginator: the page is read before the count is known, so
    a page past the end is found so by coming back empty.
    """

    def page(self, number):
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        bottom = (number - 1) * self.per_page
        # per_page + orphans: the last page takes up to `orphans` more.
        count, rows = self.object_list.page_with_count(bottom, self.per_page + self.orphans)
        if count is None:
            if number > 1:
                raise EmptyPage(self.error_messages["no_results"])
            count = 0
        self.count = count  # Paginator.count is a cached_property: no second statement
        number = self.validate_number(number)
        top = bottom + self.per_page
        if top + self.orphans >= count:
            top = count
        return self._get_page(list(rows)[: top - bottom], number, self)
