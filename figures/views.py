"""The public service figures: a page, and the same figures as CSV. No login."""

import csv

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from figures.forms import FiguresFilterForm
from figures.selectors import FigureRow, IdeaRow, service_figures, years_with_figures


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


def _csv(form, filename: str, header: list[str], rows) -> HttpResponse:
    """rows: (leading cells, FigureRow or IdeaRow); a withheld figure reads "færre end 5"."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{form.cleaned_data["year"]}.csv"'
    writer = csv.writer(response)
    writer.writerow(header)
    fewer = _fewer_than()
    for leading, row in rows:
        exported = row.export()
        cells = [fewer if name in exported["suppressed"] else value for name, value in exported["values"].items()]
        writer.writerow([*leading, row.period or str(form.cleaned_data["year"]), *cells])
    return response


def _bad_filter(form) -> HttpResponse:
    return HttpResponse("\n".join(form.errors.as_text().splitlines()), status=400, content_type="text/plain")


@require_GET
def service_csv(request):
    form, figures = _filtered(request)
    if figures is None:
        return _bad_filter(form)
    rows = [
        ((department.slug, department.name), row)
        for department in figures.departments
        for row in [*department.months, department.total]
    ]
    return _csv(form, "servicetal", ["department", "department_name", "period", *FigureRow.MEASURES], rows)


@require_GET
def ideas_csv(request):
    form, figures = _filtered(request)
    if figures is None:
        return _bad_filter(form)
    rows = [((), row) for row in [*figures.idea_months, *([figures.idea_total] if figures.idea_total else [])]]
    return _csv(form, "ideer", ["period", *IdeaRow.MEASURES], rows)
