"""The participatory budgets' REST API: a door like the pages, calling the same services and selectors.

Budgets, projects and published results are public. A ballot is read and written by its voter only.
"""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.views import APIView

from budgets import services
from budgets.models import Project
from budgets.permissions import can_see_review
from budgets.selectors import (
    access_budget_by_id,
    ballot_of,
    budgets_overview,
    chosen_project_ids,
    projects_of,
    result_table,
)
from budgets.serializers import (
    BallotSerializer,
    BudgetProjectCreateSerializer,
    BudgetProjectSerializer,
    BudgetResultSerializer,
    BudgetSerializer,
)
from core.idempotency import IDEMPOTENCY_HEADER, request_once


class BudgetListApi(ListAPIView):
    permission_classes = [AllowAny]
    serializer_class = BudgetSerializer

    def get_queryset(self):
        return budgets_overview().order_by("-vote_from", "title")


class BudgetDetailApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses=BudgetSerializer)
    def get(self, request, budget_id: int):
        return Response(BudgetSerializer(access_budget_by_id(budget_id=budget_id)).data)


class BudgetProjectsApi(APIView):
    """The budget's projects (public); a citizen proposes one while the budget collects."""

    permission_classes = [IsAuthenticatedOrReadOnly]

    @extend_schema(responses=BudgetProjectSerializer(many=True))
    def get(self, request, budget_id: int):
        budget = access_budget_by_id(budget_id=budget_id)
        context = {"show_review": can_see_review(request.user, budget)}
        return Response(BudgetProjectSerializer(projects_of(budget=budget), many=True, context=context).data)

    @extend_schema(
        request=BudgetProjectCreateSerializer, responses={201: BudgetProjectSerializer}, parameters=[IDEMPOTENCY_HEADER]
    )
    def post(self, request, budget_id: int):
        """Propose a project. Sent again with the same `Idempotency-Key`, the answer is the project proposed first."""
        budget = access_budget_by_id(budget_id=budget_id)
        serializer = BudgetProjectCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        project = request_once(
            request,
            action="budgets.propose_project",
            model=Project,
            create=lambda: services.propose_project(author=request.user, budget=budget, **serializer.validated_data),
        )
        [created] = [p for p in projects_of(budget=budget) if p.id == project.id]
        context = {"show_review": can_see_review(request.user, budget)}
        return Response(BudgetProjectSerializer(created, context=context).data, status=status.HTTP_201_CREATED)


class BallotApi(APIView):
    """The caller's own ballot: `{"projects": [ids]}`. PUT replaces it until voting closes."""

    permission_classes = [IsAuthenticated]

    def _own(self, request, budget) -> Response:
        ballot = ballot_of(user=request.user, budget=budget)
        data = {
            "projects": chosen_project_ids(ballot=ballot),
            "notify_progress": bool(ballot and ballot.notify_progress),
            "updated_at": ballot.updated_at if ballot else None,
        }
        return Response(BallotSerializer(data).data)

    @extend_schema(responses=BallotSerializer)
    def get(self, request, budget_id: int):
        return self._own(request, access_budget_by_id(budget_id=budget_id))

    @extend_schema(request=BallotSerializer, responses=BallotSerializer)
    def put(self, request, budget_id: int):
        budget = access_budget_by_id(budget_id=budget_id)
        serializer = BallotSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.submit_ballot(
            voter=request.user,
            budget=budget,
            project_ids=serializer.validated_data["projects"],
            notify_progress=serializer.validated_data["notify_progress"],
        )
        return self._own(request, budget)


class BudgetResultsApi(APIView):
    """The published result table (counts, costs, selected or why not); 404 until it is published."""

    permission_classes = [AllowAny]

    @extend_schema(responses=BudgetResultSerializer(many=True))
    def get(self, request, budget_id: int):
        table = result_table(user=request.user, budget=access_budget_by_id(budget_id=budget_id))
        if table is None:
            raise Http404
        return Response(BudgetResultSerializer(table, many=True).data)
