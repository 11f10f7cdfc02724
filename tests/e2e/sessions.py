"""Log a user in for a live server: a real session row in the test database, sent as a cookie."""

from django.conf import settings
from django.test import Client

from accounts.models import User


def session_cookie(user: User) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def browser_context_for(browser, live_stack, user: User, **options):
    context = browser.new_context(base_url=live_stack.url, locale="da-DK", **options)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie(user), "url": live_stack.url}])
    return context
