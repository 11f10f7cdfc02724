"""The grant pools' REST API: a door like the pages, calling the same services, selectors and permissions.

Pools are public. Applications are seen by their applicant and by the pool's reviewers only (404 for
anyone else); a decision is for the pool's reviewers.
"""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.idempotency import IDEMPOTENCY_HEADER, request_once
from grants import services
from grants.models import Application, Round
from grants.permissions import is_applicant
from grants.selectors import (
    access_application_by_id,
    access_pool_by_id,
    applications_for,
    current_round,
    pools_overview,
)
from grants.serializers import (
    GrantApplicationCreateSerializer,
    GrantApplicationSerializer,
    GrantDecisionSerializer,
    GrantPoolSerializer,
    GrantReportSerializer,
)


def _application_response(request, application_id: int, *, status_code: int = status.HTTP_200_OK) -> Response:
    application = access_application_by_id(user=request.user, application_id=application_id)
    services.reviewer_opens_application(reviewer=request.user, application=application)
    return Response(GrantApplicationSerializer(application).data, status=status_code)


class PoolListApi(ListAPIView):
    """Every grant pool with its rounds and the money left in each."""

    permission_classes = [AllowAny]
    serializer_class = GrantPoolSerializer

    def get_queryset(self):
        return pools_overview().prefetch_related("criteria_list")


class PoolApplicationsApi(ListAPIView):
    """The pool's applications the caller may see (all submitted ones for its reviewers, else her own); a
    citizen starts one (a draft, or sent at once with `submit`)."""

    permission_classes = [IsAuthenticated]
    serializer_class = GrantApplicationSerializer

    def get_queryset(self):
        return applications_for(user=self.request.user, pool=access_pool_by_id(pool_id=self.kwargs["pool_id"]))

    @extend_schema(
        request=GrantApplicationCreateSerializer,
        responses={201: GrantApplicationSerializer},
        parameters=[IDEMPOTENCY_HEADER],
    )
    def post(self, request, pool_id: int):
        """Start an application. Sent again with the same `Idempotency-Key`, the answer is the one started first."""
        pool = access_pool_by_id(pool_id=pool_id)
        serializer = GrantApplicationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        round_id = data.pop("round", None)
        round = current_round(pool=pool) if round_id is None else Round.objects.filter(pool=pool, id=round_id).first()
        if round is None:
            raise Http404
        lines = [services.BudgetLineInput(**line) for line in data.pop("budget_lines")]
        application = request_once(
            request,
            action="grants.start_application",
            model=Application,
            create=lambda: services.start_application(applicant=request.user, round=round, budget_lines=lines, **data),
        )
        return _application_response(request, application.id, status_code=status.HTTP_201_CREATED)


class ApplicationDetailApi(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=GrantApplicationSerializer)
    def get(self, request, application_id: int):
        return _application_response(request, application_id)


class ApplicationSubmitApi(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=GrantApplicationSerializer)
    def post(self, request, application_id: int):
        """Send the draft. Sent again while it waits for review, the answer is the same (it went the first time)."""
        application = access_application_by_id(user=request.user, application_id=application_id)
        if not (is_applicant(request.user, application) and application.status == Application.Status.SUBMITTED):
            services.submit_application(actor=request.user, application=application)
        return _application_response(request, application_id)


class ApplicationDecisionApi(APIView):
    """A reviewer of the pool grants, partly grants or refuses, with grounds (rules, considerations, facts)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=GrantDecisionSerializer, responses=GrantApplicationSerializer, parameters=[IDEMPOTENCY_HEADER]
    )
    def post(self, request, application_id: int):
        """Decide. Sent again with the same `Idempotency-Key`, the answer is the application as first decided."""
        application = access_application_by_id(user=request.user, application_id=application_id)
        serializer = GrantDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        request_once(
            request,
            action="grants.decide_application",
            model=Application,
            create=lambda: services.decide_application(
                reviewer=request.user, application=application, **serializer.validated_data
            ),
        )
        return _application_response(request, application_id)


class ApplicationReportApi(APIView):
    """The applicant reports what was done and what the money went to."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=GrantReportSerializer, responses=GrantApplicationSerializer, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request, application_id: int):
        """Report. Sent again with the same `Idempotency-Key`, the answer is the application as first reported."""
        application = access_application_by_id(user=request.user, application_id=application_id)
        serializer = GrantReportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        request_once(
            request,
            action="grants.report_on_project",
            model=Application,
            create=lambda: services.report_on_project(
                actor=request.user, application=application, **serializer.validated_data
            ),
        )
        return _application_response(request, application_id)
