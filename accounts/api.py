from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.authtoken.views import ObtainAuthToken
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


class TokenApi(ObtainAuthToken):
    """An API token for an e-mail and password, behind the same brute-force lockout as the login page."""

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        finally:
            # django-axes marks the DRF request it was given; hand the mark to the Django request, so its
            # middleware answers with the lockout message, as it does for the login page and the admin.
            if getattr(request, "axes_locked_out", False):
                request._request.axes_locked_out = True
                request._request.axes_credentials = getattr(request, "axes_credentials", None)
