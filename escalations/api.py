"""Escalated themes over the REST API: the committee's members read, its secretary acts. No person anywhere."""

import rules
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.selectors import access_own_committee_by_slug
from escalations import services
from escalations.selectors import (
    access_escalation_by_id,
    access_theme_by_slug,
    escalations_of,
    settings_of,
    theme_overview,
)
from escalations.serializers import (
    DismissSerializer,
    EscalationSerializer,
    MergeSerializer,
    SettingsSerializer,
    ThemeOverviewSerializer,
)


def _member_committee(request, slug: str):
    """The committee's theme pages: 404 to anyone not on the committee (they are not known to exist)."""
    return access_own_committee_by_slug(user=request.user, slug=slug)


class EscalationListApi(APIView):
    @extend_schema(responses=EscalationSerializer(many=True))
    def get(self, request, slug: str):
        committee = _member_committee(request, slug)
        return Response(EscalationSerializer(escalations_of(committee=committee)[:200], many=True).data)


class ThemeOverviewApi(APIView):
    @extend_schema(responses=ThemeOverviewSerializer)
    def get(self, request, slug: str, theme_slug: str):
        _member_committee(request, slug)
        overview = theme_overview(themes=[access_theme_by_slug(slug=theme_slug)])
        return Response(ThemeOverviewSerializer(overview).data)


def _handled(request, escalation_id: int):
    escalation = access_escalation_by_id(user=request.user, escalation_id=escalation_id)
    if not rules.has_perm("escalations.handle_escalation", request.user, escalation):
        raise PermissionDenied
    return escalation


class EscalationDismissApi(APIView):
    @extend_schema(request=DismissSerializer, responses=EscalationSerializer)
    def post(self, request, escalation_id: int):
        escalation = _handled(request, escalation_id)
        serializer = DismissSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        escalation = services.dismiss_escalation(actor=request.user, escalation=escalation, **serializer.validated_data)
        return Response(EscalationSerializer(escalation).data)


class EscalationMergeApi(APIView):
    @extend_schema(request=MergeSerializer, responses=EscalationSerializer)
    def post(self, request, escalation_id: int):
        escalation = _handled(request, escalation_id)
        serializer = MergeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        escalation = services.merge_escalation(actor=request.user, escalation=escalation, **serializer.validated_data)
        return Response(EscalationSerializer(escalation).data)


class EscalationSettingsApi(APIView):
    @extend_schema(responses=SettingsSerializer)
    def get(self, request, slug: str):
        committee = _member_committee(request, slug)
        current = settings_of(committee=committee)
        if current is None:
            return Response({"threshold": 5, "window_days": 30, "rise_factor": 2.0, "themes": []})
        return Response(SettingsSerializer(current).data)

    @extend_schema(request=SettingsSerializer, responses=SettingsSerializer)
    def put(self, request, slug: str):
        committee = access_own_committee_by_slug(user=request.user, slug=slug)
        if not rules.has_perm("escalations.manage_escalations", request.user, committee):
            raise PermissionDenied
        serializer = SettingsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        saved = services.update_settings(actor=request.user, committee=committee, **serializer.validated_data)
        return Response(SettingsSerializer(saved).data)
