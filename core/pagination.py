"""Pagination: the API's, bounded, so no query string makes the database count past what it can; and the pages'
lists (templates/includes/pagination.html), which keep the list's search and filters from page to page."""

from django.core.paginator import Paginator
from rest_framework.pagination import LimitOffsetPagination

PAGE_PARAMETER = "side"


def paged(request, items, *, per_page: int) -> dict:
    """The template context of one page of `items`: `page` and the `query_string` of its search and filters."""
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    query.pop("fragment", None)
    page = Paginator(items, per_page).get_page(request.GET.get(PAGE_PARAMETER))
    return {"page": page, "query_string": query.urlencode()}


class CappedLimitOffsetPagination(LimitOffsetPagination):
    """Pages of at most 200 rows, and offsets the database can count to."""

    max_limit = 200
    max_offset = 10**9

    def get_offset(self, request):
        return min(super().get_offset(request), self.max_offset)
