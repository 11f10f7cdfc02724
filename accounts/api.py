from rest_framework import generics
from rest_framework.permissions import AllowAny

from accounts.selectors import departments_accepting_complaints
from accounts.serializers import DepartmentSerializer


class DepartmentListApi(generics.ListAPIView):
    """The departments a complaint can be sent to (public)."""

    permission_classes = [AllowAny]
    serializer_class = DepartmentSerializer
    pagination_class = None

    def get_queryset(self):
        return departments_accepting_complaints()
