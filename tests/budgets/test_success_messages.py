"""Sending a project proposal leads to its receipt, itself a success alert ("Tak – dit projekt er offentliggjort",
and what happens next): the door sets no second message."""

import pytest
from django.urls import reverse

from tests.success_messages import alerts

pytestmark = pytest.mark.django_db

PROJECT = {
    "title": "Bænke langs havnen",
    "description": "Bænke langs havnen, så ældre kan hvile sig.",
    "estimated_cost": "60.000",
}


def test_the_receipt_says_it_once(client, budget, citizen):
    client.force_login(citizen)
    response = client.post(reverse("budgets:propose", args=[budget.slug]), {**PROJECT, "send": "1"}, follow=True)
    assert response.redirect_chain and "Tak – dit projekt er offentliggjort" in response.text
    assert alerts(response) == []
