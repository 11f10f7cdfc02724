"""Headers that keep pages safe: a Content-Security-Policy without 'unsafe-inline' (and no template that needs
it), HSTS and the HTTPS redirect in production (`check --deploy` clean), and no cache keeping personal data."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.e2e.live import live_database_url

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = [p for p in ROOT.glob("**/templates/**/*.html") if ".venv" not in p.parts and ".local" not in p.parts]
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I), "inline script"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"<style\b", re.I), "style element"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def test_no_template_needs_unsafe_inline():
    found = [
        f"{path.relative_to(ROOT)}: {what}"
        for path in TEMPLATES
        for pattern, what in INLINE
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert len(TEMPLATES) > 100 and found == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/idetavler/", "/accounts/login/"])
def test_every_page_has_a_policy_without_unsafe_inline(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


@pytest.mark.django_db
def test_answers_to_a_logged_in_person_are_never_stored_by_a_cache(client, api, citizen, routed_complaint):
    assert "no-store" not in client.get("/idetavler/").get("Cache-Control", "")  # public, anonymous: cacheable
    client.force_login(citizen)
    for path in ("/idetavler/", reverse("complaints:detail", args=[routed_complaint.id]), reverse("access-log")):
        cache = client.get(path)["Cache-Control"]
        assert "no-store" in cache and "private" in cache, path
    answer = api(citizen).get(f"/api/complaints/{routed_complaint.id}/")
    assert answer.status_code == 200 and "no-store" in answer["Cache-Control"]


def production(**extra) -> dict[str, str]:
    """The environment of a production process, on this test process's database (DATABASE_URL names one that
    the tests never create)."""
    keep = {k: v for k, v in os.environ.items() if k not in {"DEMO", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    return {
        **keep,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": live_database_url(),
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "borgerdialog.kommune.dk",
        **extra,
    }


def test_check_deploy_is_clean_with_production_settings(db):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_redirects_to_https_and_tells_browsers_to_stay_there(db):
    code = (
        "import django; django.setup(); from django.test import Client; c = Client(); "
        "r = c.get('/klager/', HTTP_HOST='borgerdialog.kommune.dk'); "
        "s = c.get('/ingen-side/', HTTP_HOST='borgerdialog.kommune.dk', secure=True); "
        "h = c.get('/healthz', HTTP_HOST='borgerdialog.kommune.dk'); "
        "print('|'.join([str(r.status_code), r['Location'], s['Strict-Transport-Security'], str(h.status_code)]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=production(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    status, location, hsts, health = result.stdout.strip().splitlines()[-1].split("|")
    assert (status, location) == ("301", "https://borgerdialog.kommune.dk/klager/")
    assert hsts == "max-age=31536000; includeSubDomains; preload"
    assert health != "301"  # the container's health check over plain HTTP
