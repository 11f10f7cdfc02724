"""The theme REST API: everyone logged in reads the active themes; managers see all and write."""

import rules
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from core.idempotency import IDEMPOTENCY_HEADER, request_once
from themes import services
from themes.models import Theme
from themes.selectors import access_theme_for_management_by_id, active_themes, themes_for_management
from themes.serializers import ThemeSerializer, ThemeWriteSerializer


class ThemeListCreateApi(APIView):
    @extend_schema(responses=ThemeSerializer(many=True))
    def get(self, request):
        themes = (
            themes_for_management(user=request.user)
            if rules.has_perm("themes.manage_theme", request.user)
            else active_themes()
        )
        return Response(ThemeSerializer(themes, many=True).data)

    @extend_schema(request=ThemeWriteSerializer, responses={201: ThemeSerializer}, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request):
        """Create a theme. Sent again with the same `Idempotency-Key`, the answer is the theme created first."""
        if not rules.has_perm("themes.manage_theme", request.user):
            raise PermissionDenied
        serializer = ThemeWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        theme = request_once(
            request,
            action="themes.create_theme",
            model=Theme,
            create=lambda: services.create_theme(actor=request.user, **serializer.validated_data),
        )
        return Response(ThemeSerializer(theme).data, status=status.HTTP_201_CREATED)


class ThemeDetailApi(APIView):
    @extend_schema(responses=ThemeSerializer)
    def get(self, request, theme_id: int):
        return Response(ThemeSerializer(access_theme_for_management_by_id(user=request.user, theme_id=theme_id)).data)

    @extend_schema(request=ThemeWriteSerializer, responses=ThemeSerializer)
    def patch(self, request, theme_id: int):
        theme = access_theme_for_management_by_id(user=request.user, theme_id=theme_id)
        serializer = ThemeWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        current = {"name": theme.name, "description": theme.description, "active": theme.active}
        theme = services.update_theme(actor=request.user, theme=theme, **{**current, **serializer.validated_data})
        return Response(ThemeSerializer(theme).data)
