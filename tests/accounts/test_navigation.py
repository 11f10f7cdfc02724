"""The header's menu shows what the role uses; each role lands on its own start page after logging in."""

import pytest
from django.urls import reverse

from accounts.navigation import main_menu, start_url

pytestmark = pytest.mark.django_db


def labels(user) -> list[str]:
    return [str(item.label) for item in main_menu(user)]


def test_the_public_sees_the_participation_pages_only(client):
    from django.contrib.auth.models import AnonymousUser

    assert labels(AnonymousUser()) == ["Idétavler", "Høringer", "Udvalg", "Arrangementer"]


def test_a_citizen_sees_her_own_cases_and_no_staff_tools(citizen):
    menu = labels(citizen)
    assert menu[0] == "Mine klager"
    assert {"Fuldmagter", "Aktindsigt", "Underretninger", "Mine data"} <= set(menu)
    assert not {"Opgaver", "Moderation", "Sletning", "Administration"} & set(menu)


def test_a_caseworker_sees_her_inbox_first_and_no_citizen_pages(caseworker):
    menu = labels(caseworker)
    assert menu[0] == "Opgaver"
    assert not {"Mine klager", "Fuldmagter", "Mine data"} & set(menu)
    assert "Moderation" not in menu  # the queue answers 403 to her: the menu must not offer it


def test_a_moderator_sees_the_moderation_queue_and_lands_on_it(moderator):
    assert "Moderation" in labels(moderator)
    assert start_url(moderator) == reverse("ideas:moderation")


def test_a_secretary_sees_her_committees_queue(secretary, committee):
    menu = main_menu(secretary)
    queue = reverse("committees:proposals", kwargs={"slug": committee.slug})
    assert queue in [item.url for item in menu]
    assert "Opgaver" not in [str(item.label) for item in menu]


@pytest.mark.parametrize(
    ("who", "where"),
    [
        ("citizen", lambda committee: reverse("complaints:list")),
        ("caseworker", lambda committee: reverse("complaints:inbox")),
        ("secretary", lambda committee: reverse("committees:proposals", kwargs={"slug": committee.slug})),
    ],
)
def test_each_role_lands_on_its_start_page_after_logging_in(client, request, committee, who, where):
    user = request.getfixturevalue(who)
    assert start_url(user) == where(committee)
    user.set_password("rigtig-hemmelig-42")
    user.save()
    response = client.post(reverse("login"), {"username": user.email, "password": "rigtig-hemmelig-42"}, follow=True)
    assert response.redirect_chain[-1][0] == where(committee)


def test_the_current_page_is_marked_in_the_menu(client, caseworker):
    client.force_login(caseworker)
    html = client.get(reverse("complaints:inbox")).content.decode()
    assert f'<a href="{reverse("complaints:inbox")}" class="nav-link" aria-current="page">' in html
