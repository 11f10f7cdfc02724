"""A new user's way in: "Log ind med MitID" in Chromium, a demo identity picked at the local provider,
back at Borgerdialog logged in — real redirects and real signed tokens — and out again at both ends."""

import pytest
from playwright.sync_api import expect

from accounts.models import Department, User
from accounts.services import store_cpr
from tests.e2e.axe import violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_citizen_logs_in_with_mitid_in_the_browser_and_out_again(live_stack, browser, axe_source):
    mette = User.objects.create_user("borger@example.dk", None, full_name="Mette Hansen")
    store_cpr(user=mette, cpr="6101801234")
    context = browser.new_context(base_url=live_stack.url, locale="da-DK")
    page = context.new_page()
    page.goto("/accounts/login/?next=/klager/")
    assert violations(page, axe_source) == [], "login page"
    page.get_by_role("button", name="Log ind med MitID").click()
    page.wait_for_url(f"{live_stack.devidp.url}/vaelg-identitet/**")
    page.get_by_label("Mette Hansen (borger@example.dk)").check()
    page.get_by_label("Betydelig").check()
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{live_stack.url}/klager/")
    expect(page.get_by_role("button", name="Log ud (Mette)")).to_be_visible()
    page.get_by_role("button", name="Log ud (Mette)").click()
    # RP-initiated logout: the provider asks whether to end its own session too, then sends her back.
    page.wait_for_url(f"{live_stack.devidp.url}/identity/o/logout**")
    page.locator("button[value=logout]").click()
    page.wait_for_url(f"{live_stack.url}/")
    expect(page.get_by_role("link", name="Log ind")).to_be_visible()
    context.close()


def test_caseworker_logs_in_through_the_staff_provider_and_gets_her_department(live_stack, browser):
    Department.objects.create(name="Familiecentret", slug="familiecentret")
    context = browser.new_context(base_url=live_stack.url, locale="da-DK")
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_role("button", name="Log ind med Medarbejderlogin").click()
    page.wait_for_url(f"{live_stack.devidp.url}/vaelg-identitet/**")
    page.get_by_label("Tina Jepsen", exact=False).check()
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{live_stack.url}/**")
    expect(page.get_by_role("link", name="Opgaver", exact=True)).to_be_visible()
    tina = User.objects.get(email="sagsbehandler@example.dk")
    assert list(tina.department_memberships.values_list("department__slug", "role")) == [
        ("familiecentret", "caseworker")
    ]
    context.close()
