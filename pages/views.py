from django.shortcuts import render

from pages.models import AccessibilityStatement, PrivacyNotice


def accessibility(request):
    statement = AccessibilityStatement.objects.order_by("-created_at").first()
    return render(request, "pages/accessibility.html", {"statement": statement})


def privacy(request):
    return render(request, "pages/privacy.html", {"notice": PrivacyNotice.objects.order_by("-created_at").first()})
