"""People for the representation tests: the citizen's relative, a stranger, a committee member."""

import pytest

from accounts.models import CommitteeMembership
from tests.conftest import make_user


@pytest.fixture
def relative(db):
    return make_user("paaroerende@example.dk", "Susanne Hansen")


@pytest.fixture
def stranger(db):
    return make_user("fremmed@example.dk", "Jens Fremmed")


@pytest.fixture
def member(committee):
    user = make_user("udvalgsmedlem@example.dk", "Ole Medlem")
    CommitteeMembership.objects.create(user=user, committee=committee, role=CommitteeMembership.Role.MEMBER)
    return user
