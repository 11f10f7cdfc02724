from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from notifications.selectors import demo_outbox, notices_for
from notifications.services import mark_notices_read


@login_required
def notice_list(request):
    notices = list(notices_for(user=request.user)[:100])
    mark_notices_read(user=request.user)
    return render(request, "notifications/notice_list.html", {"notices": notices})


@require_GET
def demo_mail(request):
    """The demo's mailbox: every e-mail the product sent, readable without a mail server."""
    if not settings.DEMO:
        raise Http404
    return render(request, "notifications/demo_mail.html", {"emails": demo_outbox()})
