import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.selectors import personal_data_accesses_of


@login_required
def access_log(request):
    """Who among the staff has looked at my personal data: a page, and a CSV export."""
    accesses = personal_data_accesses_of(user=request.user)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="adgangslog.csv"'
        writer = csv.writer(response)
        writer.writerow([_("Tidspunkt"), _("Medarbejder"), _("Hvad")])
        for access in accesses:
            writer.writerow([timezone.localtime(access.created_at).isoformat(), access.viewer.full_name, access.what])
        return response
    return render(request, "accounts/access_log.html", {"accesses": accesses[:500]})
