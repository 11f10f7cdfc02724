"""The theme page reads the counts the 15-minute job stores; excerpts and top ideas are always fresh."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from escalations.models import ThemeCounts
from escalations.selectors import theme_overview
from escalations.services import refresh_theme_counts


def test_refresh_stores_counts_that_the_page_reads(client, member, committee, themed, road, waste):
    now = timezone.now()
    for hours in range(1, 4):
        themed(road, now - timedelta(hours=hours))
    assert refresh_theme_counts() == 2
    stored = ThemeCounts.objects.get(theme=road)
    assert stored.totals["complaints"] == 3 and sum(c for _w, c, _i in stored.weeks) == 3
    themed(road, now - timedelta(minutes=5), subject="En helt ny klage")
    client.force_login(member)
    html = client.get(reverse("escalations:theme", args=[committee.slug, road.slug])).content.decode()
    assert "Tallene er beregnet" in html
    assert "En helt ny klage" in html  # the excerpts are read now
    overview = theme_overview(themes=[road])
    assert overview.complaints.complaints.value == 3  # the counts wait for the next refresh
    refresh_theme_counts()
    assert theme_overview(themes=[road]).complaints.complaints.value == 4


def test_without_stored_counts_the_theme_is_counted_when_asked(themed, road, waste):
    themed(road, timezone.now() - timedelta(hours=1))
    overview = theme_overview(themes=[road])
    assert overview.computed_at is None and overview.complaints.complaints.value == 1
    merged = theme_overview(themes=[road, waste])  # merged themes are always counted when asked
    assert merged.computed_at is None


def test_reading_stored_counts_costs_fewer_queries_than_counting(themed, road):
    themed(road, timezone.now() - timedelta(hours=1))
    with CaptureQueriesContext(connection) as live:
        theme_overview(themes=[road])
    refresh_theme_counts()
    with CaptureQueriesContext(connection) as stored:
        theme_overview(themes=[road])
    assert len(stored) < len(live)
