"""The public service figures: a page, and the same figures as CSV. No login."""

import csv
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from figures.forms import FiguresFilterForm
from figures.selectors import FigureRow, IdeaRow, department_charts, service_figures, years_with_figures


def _filtered(request):
    form = FiguresFilterForm(request.GET, years=years_with_figures())
    if not form.is_valid():
        return form, None
    return form, service_figures(year=form.cleaned_data["year"], department=form.cleaned_data["department"])


def _download_query(request, **extra) -> str:
    """The page's filters for a CSV link, in the page's language (?lang=), with `extra` (format=excel)."""
    query = request.GET.copy()
    for name in ("lang", "format"):
        query.pop(name, None)
    query.update({"lang": translation.get_language() or settings.LANGUAGE_CODE, **extra})
    return query.urlencode()


@require_GET
def service_page(request):
    form, figures = _filtered(request)
    context = {
        "csv_query": _download_query(request),
        "excel_query": _download_query(request, format="excel"),
        "form": form,
        "figures": figures,
        # Called by the template inside its cached block only: drawn once per refresh and process, like the tables.
        "departments": lambda: (
            [(department, department_charts(department, year=figures.year)) for department in figures.departments]
            if figures is not None
            else []
        ),
        "query": request.GET.urlencode(),
        "min_group_size": settings.FIGURES_MIN_GROUP_SIZE,
    }
    return render(request, "figures/service_figures.html", context, status=200 if figures is not None else 400)


@dataclass(frozen=True)
class CsvVariant:
    """How a CSV is written: the plain one (comma, decimal point), or the one Danish Excel opens as it is
    (semicolon, decimal comma, and a byte-order mark so Excel reads UTF-8: æ, ø and å come out right)."""

    delimiter: str = ","
    decimal: str = "."
    bom: str = ""
    suffix: str = ""

    def number(self, value) -> str:
        if value is None:
            return ""
        return str(value).replace(".", self.decimal) if isinstance(value, float) else str(value)


PLAIN = CsvVariant()
EXCEL = CsvVariant(delimiter=";", decimal=",", bom="\ufeff", suffix="-excel")


def _csv(request, form, filename: str, leading: list, rows, labels: dict) -> HttpResponse:
    """rows: (leading cells, FigureRow or IdeaRow). Column names in Danish, or English with ?lang=en; each
    figure's column is followed by a flag column saying whether it is withheld (too few to show), so a number
    column holds only numbers. ?format=excel: the variant for Danish Excel."""
    variant = EXCEL if request.GET.get("format") == "excel" else PLAIN
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{filename}-{form.cleaned_data["year"]}{variant.suffix}.csv"'
    )
    response.write(variant.bom)
    writer = csv.writer(response, delimiter=variant.delimiter)
    with translation.override("en" if request.GET.get("lang") == "en" else "da"):
        header = [*map(str, leading), _("Periode")]
        for label in labels.values():
            header += [str(label), _("Skjult: %(column)s") % {"column": label}]
        yes, no = _("ja"), _("nej")
    writer.writerow(header)
    for cells, row in rows:
        exported = row.export()
        figures = []
        for name, value in exported["values"].items():
            figures += [variant.number(value), yes if name in exported["suppressed"] else no]
        writer.writerow([*cells, row.period or str(form.cleaned_data["year"]), *figures])
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
    leading = [gettext_lazy("Afdelingens kode"), gettext_lazy("Afdeling")]
    return _csv(request, form, "servicetal", leading, rows, FigureRow.LABELS)


@require_GET
def ideas_csv(request):
    form, figures = _filtered(request)
    if figures is None:
        return _bad_filter(form)
    rows = [((), row) for row in [*figures.idea_months, *([figures.idea_total] if figures.idea_total else [])]]
    return _csv(request, form, "ideer", [], rows, IdeaRow.LABELS)
