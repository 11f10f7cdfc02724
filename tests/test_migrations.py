"""The migrations build the same database as the models.

The test databases are made from the models (`--nomigrations` in pyproject.toml), so this is the one place the
migrations run: into a database of their own, from nothing, as `make run` and a deployment run them. Their
tables, columns, constraints and triggers are then compared with the test database's.
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.apps import apps
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]

COLUMNS = """
    SELECT table_name, column_name, data_type, is_nullable, coalesce(character_maximum_length, 0)
    FROM information_schema.columns WHERE table_schema = 'public'
"""
# Constraints by what they are, not by name: a renamed field keeps its constraint's old name.
CONSTRAINTS = """
    SELECT rel.relname, con.contype, pg_get_constraintdef(con.oid)
    FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_namespace ns ON ns.oid = rel.relnamespace WHERE ns.nspname = 'public'
"""
TRIGGERS = """
    SELECT event_object_table, trigger_name, event_manipulation FROM information_schema.triggers
    WHERE trigger_schema = 'public'
"""


def schema(conninfo: str) -> dict[str, set[tuple]]:
    """The project's own tables as the database has them (installed apps, Django's included, keep their own)."""
    ours = own_tables()
    with psycopg.connect(conninfo) as db:
        return {
            name: {row for row in db.execute(query).fetchall() if row[0] in ours} for name, query in _QUERIES.items()
        }


def own_tables() -> set[str]:
    return {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if "site-packages" not in Path(apps.get_app_config(model._meta.app_label).path).parts
    }


_QUERIES = {"columns": COLUMNS, "constraints": CONSTRAINTS, "triggers": TRIGGERS}


def database_url(name: str) -> str:
    return urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}"))


@pytest.fixture
def empty_database(db):
    name = f"{connection.settings_dict['NAME']}_migrated"
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_migrations_build_the_database_the_models_describe(empty_database):
    """Slow on purpose, about 30 s (27 s of CPU in the migrating process on this machine): Django's migrate
    re-renders the models' states after each of the 111 migrations (state.reload_model is three quarters of the
    time, profiled with cProfile); only running the migrations proves what they build. It starts before the short
    tests (tests/conftest.py, LONG_FIRST), so it never keeps the run waiting at the end."""
    url = database_url(empty_database)
    migrated = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DATABASE_URL": url, "DB_POOL": "0"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert migrated.returncode == 0, migrated.stderr

    from_models = schema(database_url(connection.settings_dict["NAME"]))
    from_migrations = schema(url)
    for part in _QUERIES:
        only_migrated = from_migrations[part] - from_models[part]
        only_modelled = from_models[part] - from_migrations[part]
        assert (only_migrated, only_modelled) == (set(), set()), part
    append_only = ("accounts_personaldataaccess", "pgtrigger_access_log_append_only_a3c4d", "DELETE")
    assert append_only in from_models["triggers"]
