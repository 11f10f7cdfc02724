"""Councils (råd og nævn) in accounts: a membership counts while it runs, like a committee's."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import CouncilMembership
from accounts.permissions import is_council_member, is_member_of_council
from accounts.selectors import council_members, councils_of
from tests.conftest import make_user


def test_a_running_membership_counts_and_an_ended_one_does_not(elder_council, elder_member):
    today = timezone.localdate()
    former = make_user("tidligere@example.dk", "Tidligere Medlem")
    CouncilMembership.objects.create(user=former, council=elder_council, end_date=today - timedelta(days=1))
    future = make_user("kommende@example.dk", "Kommende Medlem")
    CouncilMembership.objects.create(user=future, council=elder_council, start_date=today + timedelta(days=1))

    assert list(council_members(council_id=elder_council.id)) == [elder_member]
    assert is_member_of_council(elder_member, elder_council.id)
    assert is_council_member(elder_member, elder_council)
    assert not is_member_of_council(former, elder_council.id)
    assert not is_member_of_council(future, elder_council.id)
    assert list(councils_of(user=elder_member)) == [elder_council]
    assert list(councils_of(user=former)) == []


def test_an_inactive_user_sits_on_no_council(elder_council, elder_member):
    elder_member.is_active = False
    elder_member.save()
    assert list(council_members(council_id=elder_council.id)) == []


def test_council_roles_are_read_once_per_user_object(elder_council, elder_member, django_assert_num_queries):
    is_member_of_council(elder_member, elder_council.id)
    with django_assert_num_queries(0):
        assert is_member_of_council(elder_member, elder_council.id)


def test_a_member_of_one_council_is_not_a_member_of_another(elder_member, disability_council):
    assert not is_council_member(elder_member, disability_council)
    assert not is_council_member(elder_member, None)
