"""No dead `rules` registrations: every registered permission is asked for by name at a door, and every name a
door asks for is registered (rules.has_perm answers False for a name nobody registered, so a typo denies quietly).

A permission counts as used when its quoted name stands on a line of the source tree (tests, migrations and the
virtualenv left out) that asks for a permission — `rules.has_perm("app.x", …)`, `user.has_perm(…)`,
`permission_required = …`, `{% has_perm 'app.x' … %}` — other than its `rules.add_perm` line. Audit-trail action
names such as `action="complaints.reassign_task"` are no permission use and do not count.
"""

import re
from pathlib import Path

import pytest
import rules
from django.apps import apps

ROOT = Path(__file__).resolve().parents[1]
SKIPPED = {".venv", "tests", "migrations", "node_modules", ".local", ".git", "static"}
ASKS = re.compile(r"has_perms?\(|permission_required|\{%\s*has_perm\b|perm\s*=")
NAME = re.compile(r"[\"']([a-z_]+\.[a-z_]+)[\"']")
PROJECT_APPS = {c.label for c in apps.get_app_configs() if Path(c.path).resolve().is_relative_to(ROOT)}


def asked_for() -> dict[str, list[str]]:
    """Each permission name a line of the source asks for: the places (file:line) that ask."""
    found: dict[str, list[str]] = {}
    for path in ROOT.rglob("*"):
        if path.suffix not in {".py", ".html", ".txt"} or SKIPPED & set(path.relative_to(ROOT).parts):
            continue
        for number, line in enumerate(path.read_text(errors="ignore").splitlines(), 1):
            if "add_perm" in line or not ASKS.search(line):
                continue
            for name in NAME.findall(line):
                found.setdefault(name, []).append(f"{path.relative_to(ROOT)}:{number}")
    return found


REGISTERED = sorted(name for name in rules.permissions.permissions if name.split(".")[0] in PROJECT_APPS)
ASKED = asked_for()


def test_the_project_registers_permissions():
    assert len(REGISTERED) > 10


@pytest.mark.parametrize("name", REGISTERED)
def test_each_registered_permission_is_asked_for(name):
    assert name in ASKED, f"{name} is registered but no door asks for it: name it at the door or remove it"


def test_each_permission_asked_for_is_registered():
    unknown = {
        name: places
        for name, places in ASKED.items()
        if name.split(".")[0] in PROJECT_APPS and not rules.perm_exists(name)
    }
    assert not unknown, f"asked for but never registered (rules.has_perm would say no to everyone): {unknown}"
