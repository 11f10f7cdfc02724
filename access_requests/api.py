"""The aktindsigt REST API: a door like the pages, calling the same services and selectors."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from access_requests import services
from access_requests.models import AccessRequest
from access_requests.selectors import access_access_request_by_id
from access_requests.serializers import AccessRequestCreateSerializer, AccessRequestSerializer
from core.idempotency import IDEMPOTENCY_HEADER, request_once


class AccessRequestCreateApi(APIView):
    @extend_schema(
        request=AccessRequestCreateSerializer, responses={201: AccessRequestSerializer}, parameters=[IDEMPOTENCY_HEADER]
    )
    def post(self, request):
        """Ask for access to your own case's documents (`complaint`), or describe what you ask for
        (`description` and `department`). Sent again with the same `Idempotency-Key`, the answer is the first."""
        serializer = AccessRequestCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        access_request = request_once(
            request,
            action="access_requests.request_access",
            model=AccessRequest,
            create=lambda: services.request_access(
                requester=request.user,
                complaint_id=data["complaint"],
                description=data["description"],
                department=data["department"],
            ),
        )
        return Response(AccessRequestSerializer(access_request).data, status=status.HTTP_201_CREATED)


class AccessRequestDetailApi(APIView):
    @extend_schema(responses=AccessRequestSerializer)
    def get(self, request, access_request_id: int):
        access_request = access_access_request_by_id(user=request.user, access_request_id=access_request_id)
        return Response(AccessRequestSerializer(access_request).data)
