"""The floor chart of CONTRIBUTING.md, checked: no app imports an app on its own floor or above."""

import ast
from pathlib import Path

import pytest
from django.apps import apps

from committees.models import AgendaItemSource
from committees.sources import SOURCES
from core.queue import enqueue_on_commit

ROOT = Path(__file__).resolve().parents[1]

# Lowest first; keep in step with CONTRIBUTING.md ("Floors").
FLOORS = [
    {"core"},
    {"documents"},
    {"accounts", "pages"},
    {"notifications"},
    {"dialogue", "themes", "classification"},
    {"complaints", "ideas"},
    {"budgets", "grants", "casework", "hearings"},
    {"events"},
    {"figures", "access_requests"},
    {"escalations", "retention"},
    {"committees"},
    {"demo", "config"},
]
FLOOR = {app: level for level, names in enumerate(FLOORS) for app in names}


def imported_apps(app: str) -> dict[str, set[str]]:
    """For each other app this app imports (outside its migrations): the files that import it."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in FLOOR and top != app:
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_project_app_is_on_the_chart():
    project_apps = {config.name.split(".")[0] for config in apps.get_app_configs() if (ROOT / config.name).is_dir()}
    assert project_apps - FLOOR.keys() == set()


def test_no_app_imports_its_own_floor_or_above():
    upward = {
        (app, other): sorted(files)
        for app in FLOOR
        for other, files in imported_apps(app).items()
        if FLOOR[other] >= FLOOR[app]
    }
    assert upward == {}


def test_every_kind_of_agenda_source_has_one_source_object():
    kinds = [source.kind for source in SOURCES]
    assert sorted(kinds) == sorted(AgendaItemSource.Kind.values)


def test_services_never_import_tasks():
    """One direction: tasks call services; services enqueue tasks by name through core.queue."""
    importing = []
    for path in ROOT.glob("*/services.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or "", *(f"{node.module}.{alias.name}" for alias in node.names)]
            if any(name.split(".")[-1] == "tasks" for name in names):
                importing.append(str(path.relative_to(ROOT)))
    assert importing == []


def test_a_task_name_that_does_not_exist_fails_at_once(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(LookupError):
        enqueue_on_commit("complaints.tasks.route_complain", 1)
    assert callbacks == []
