"""The public service figures: a page, and the same figures as CSV. No login."""

import csv

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from figures.forms import FiguresFilterForm
from figures.selectors import FigureRow, service_figures, years_with_figures


def _fewer_than() -> str:
    return _("færre end %(n)s") % {"n": settings.FIGURES_MIN_GROUP_SIZE}


def _filtered(request):
    form = FiguresFilterForm(request.GET, years=years_with_figures())
    if not form.is_valid():
        return form, None
    return form, service_figures(year=form.cleaned_data["year"], department=form.cleaned_data["department"])


@require_GET
def service_page(request):
    form, figures = _filtered(request)
    context = {
        "form": form,
        "figures": figures,
        "query": request.GET.urlencode(),
        "min_group_size": settings.FIGURES_MIN_GROUP_SIZE,
    }
    return render(request, "figures/service_figures.html", context, status=200 if figures is not None else 400)


@require_GET
def service_csv(request):
    form, figures = _filtered(request)
    if figures is None:
        return HttpResponse("\n".join(form.errors.as_text().splitlines()), status=400, content_type="text/plain")
    year = form.cleaned_data["year"]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="servicetal-{year}.csv"'
    writer = csv.writer(response)
    writer.writerow(["department", "department_name", "period", *FigureRow.MEASURES])
    fewer = _fewer_than()
    for department in figures.departments:
        for row in [*department.months, department.total]:
            exported = row.export()
            cells = [fewer if value is None and name in exported["suppressed"] else value
                     for name, value in exported["values"].items()]  # fmt: skip
            writer.writerow([department.slug, department.name, row.period or str(year), *cells])
    return response
