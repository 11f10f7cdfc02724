import uuid

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from knox.models import AuthToken
from rest_framework import generics, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services
from accounts.models import StandIn
from accounts.selectors import api_tokens_of, departments_accepting_complaints, personal_data_archive
from accounts.serializers import (
    ApiTokenSerializer,
    ClaimSerializer,
    DepartmentSerializer,
    IssuedTokenSerializer,
    TokenLoginSerializer,
)
from accounts.views import archive_response
from core.idempotency import IDEMPOTENCY_HEADER, request_once


class DepartmentListApi(generics.ListAPIView):
    """The departments a complaint can be sent to (public)."""

    permission_classes = [AllowAny]
    serializer_class = DepartmentSerializer
    pagination_class = None

    def get_queryset(self):
        return departments_accepting_complaints()


class ClaimApi(APIView):
    @extend_schema(request=ClaimSerializer, responses={200: dict}, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request):
        """Take over what Borgerservice filed for me, with the code on my receipt (limited guesses). Sent again with
        the same `Idempotency-Key`, the answer is the same (not "the code is used")."""
        serializer = ClaimSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        request_once(
            request,
            action="accounts.claim_with_code",
            model=StandIn,
            create=lambda: services.claim_with_code(
                user=request.user, code=serializer.validated_data["code"], address=request.META.get("REMOTE_ADDR")
            ),
        )
        return Response({"claimed": True})


class TokenListApi(APIView):
    @extend_schema(responses=ApiTokenSerializer(many=True))
    def get(self, request):
        """My devices' API tokens (never the secrets), newest first; `current` is the one asking."""
        tokens = api_tokens_of(user=request.user)
        return Response(ApiTokenSerializer(tokens, many=True, context={"auth": request.auth}).data)


class TokenRevokeApi(APIView):
    @extend_schema(request=None, responses={204: None})
    def delete(self, request, token_id: uuid.UUID):
        """End one of my tokens (another person's is not found)."""
        services.revoke_api_token(user=request.user, public_id=token_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TokenLogoutApi(APIView):
    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        """Log this device out: the token it asks with ends (with `?all=1`, every token of mine)."""
        if request.query_params.get("all") == "1":
            services.revoke_all_api_tokens(user=request.user)
        elif isinstance(request.auth, AuthToken):
            request.auth.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class PersonalDataApi(APIView):
    @extend_schema(responses={(200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY)})
    def get(self, request):
        """All my data as one zip holding mine-data.json (GDPR art. 15 and 20): account, complaints, messages,
        ideas, comments, supports, surveys, hearing answers, applications and who among the staff saw my data."""
        return archive_response(personal_data_archive(user=request.user))


class TokenApi(APIView):
    """A token for one device, for an e-mail and password, behind the same brute-force lockout as the login page.
    It runs out after API_TOKEN_TTL (30 days); log out with it, or end it from the list, to end it sooner."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(request=TokenLoginSerializer, responses={201: IssuedTokenSerializer})
    def post(self, request):
        try:
            serializer = TokenLoginSerializer(data=request.data, context={"request": request})
            serializer.is_valid(raise_exception=True)
            device = serializer.validated_data["device"] or request.headers.get("User-Agent", "")
            token, secret = services.issue_api_token(user=serializer.validated_data["user"], device=device)
            token.token = secret
            return Response(IssuedTokenSerializer(token).data, status=status.HTTP_201_CREATED)
        finally:
            # django-axes marks the DRF request it was given; hand the mark to the Django request, so its
            # middleware answers with the lockout message, as it does for the login page and the admin.
            if getattr(request, "axes_locked_out", False):
                request._request.axes_locked_out = True
                request._request.axes_credentials = getattr(request, "axes_credentials", None)
