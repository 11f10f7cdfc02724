from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services
from accounts.selectors import departments_accepting_complaints, personal_data_archive
from accounts.serializers import ClaimSerializer, DepartmentSerializer
from accounts.views import archive_response


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


class PersonalDataApi(APIView):
    @extend_schema(responses={(200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY)})
    def get(self, request):
        """All my data as one zip holding mine-data.json (GDPR art. 15 and 20): account, complaints, messages,
        ideas, comments, supports, surveys, hearing answers, applications and who among the staff saw my data."""
        return archive_response(personal_data_archive(user=request.user))


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
