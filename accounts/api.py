from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services
from accounts.selectors import departments_accepting_complaints
from accounts.serializers import ClaimSerializer, DepartmentSerializer


class DepartmentListApi(generics.ListAPIView):
    """The departments a complaint can be sent to (public)."""

    permission_classes = [AllowAny]
    serializer_class = DepartmentSerializer
    pagination_class = None

    def get_queryset(self):
        return departments_accepting_complaints()


class ClaimApi(APIView):
    @extend_schema(request=ClaimSerializer, responses={200: dict})
    def post(self, request):
        """Take over what Borgerservice filed for me, with the code on my receipt (limited guesses)."""
        serializer = ClaimSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.claim_with_code(
            user=request.user, code=serializer.validated_data["code"], address=request.META.get("REMOTE_ADDR")
        )
        return Response({"claimed": True})
