"""Changing the theme taxonomy leaves a row in the audit trail, with what changed."""

import pytest

from tests.staff_actions import assert_recorded, last_action_id
from themes import services

pytestmark = pytest.mark.django_db


def test_creating_and_changing_a_theme_write_their_rows(lead):
    mark = last_action_id()
    theme = services.create_theme(actor=lead, name="Ældrepleje", description="Hjemmehjælp")
    assert_recorded(since=mark, actor=lead, action="themes.create_theme", target=theme)
    mark = last_action_id()
    services.update_theme(actor=lead, theme=theme, name="Ældrepleje", description="", active=False)
    row = assert_recorded(since=mark, actor=lead, action="themes.update_theme", target=theme)
    assert row.details == {"description": ["Hjemmehjælp", ""], "active": [True, False]}
