"""The API's pagination: bounded, so no query string makes the database count past what it can."""

from rest_framework.pagination import LimitOffsetPagination


class CappedLimitOffsetPagination(LimitOffsetPagination):
    """Pages of at most 200 rows, and offsets the database can count to."""

    max_limit = 200
    max_offset = 10**9

    def get_offset(self, request):
        return min(super().get_offset(request), self.max_offset)
