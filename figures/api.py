"""The public service figures as JSON (no login)."""

from django.conf import settings
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from figures.selectors import service_figures, years_with_figures
from figures.serializers import FiguresQuerySerializer


class ServiceFiguresApi(APIView):
    """Per department and month: time to first contact, outcomes, genvurdering and survey answers.

    A measure that rests on fewer than `min_group_size` complaints or answers is null and named in `suppressed`.
    """

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(parameters=[FiguresQuerySerializer], responses={200: OpenApiResponse(description="Figures")})
    def get(self, request):
        query = FiguresQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        years = years_with_figures()
        year = query.validated_data.get("year") or (years[0] if years else timezone.localdate().year)
        figures = service_figures(year=year, department=query.validated_data.get("department"))
        return Response(
            {
                "year": year,
                "years": years,
                "computed_at": figures.computed_at,
                "min_group_size": settings.FIGURES_MIN_GROUP_SIZE,
                "departments": [
                    {
                        "slug": department.slug,
                        "name": department.name,
                        "total": department.total.export(),
                        "months": [{"month": row.period, **row.export()} for row in department.months],
                    }
                    for department in figures.departments
                ],
                "ideas": {
                    "total": figures.idea_total.export() if figures.idea_total else None,
                    "months": [{"month": row.period, **row.export()} for row in figures.idea_months],
                },
            }
        )
