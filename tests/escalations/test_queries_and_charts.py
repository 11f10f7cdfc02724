"""Query counts that do not grow with the data, and charts a screen reader can read."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.charts import Bar, bar_chart
from demo.municipality import generate
from escalations.models import EscalationSettings
from escalations.services import escalate_themes, refresh_theme_counts
from themes.models import Theme

CPH = ZoneInfo("Europe/Copenhagen")


def _queries(function) -> list:
    with CaptureQueriesContext(connection) as queries:
        function()
    return queries.captured_queries


def test_theme_page_and_escalation_job_queries_do_not_grow(client, committee, member, django_assert_max_num_queries):
    end = datetime(2026, 3, 1, 12, tzinfo=CPH)
    client.force_login(member)
    page_counts, api_counts, job_counts, refresh = [], [], [], []
    for size in (60, 600):
        generate(complaints=size, ideas=size // 3, supports=size, years=0.5, seed=size, end=end, batch_size=200)
        EscalationSettings.objects.get_or_create(committee=committee)
        theme = Theme.objects.get(slug="vej-og-trafik")
        refresh_theme_counts()  # the first run creates the rows; count a run that updates them, as most do
        refresh_counts = len(_queries(refresh_theme_counts))
        # A ceiling; that the count does not grow with the data is asserted below. The role menu costs two, the
        # header's unread count one.
        with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(23):
            assert client.get(reverse("escalations:theme", args=[committee.slug, theme.slug])).status_code == 200
        page_counts.append(len(queries))
        with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(15):
            assert client.get(f"/api/committees/{committee.slug}/themes/{theme.slug}/").status_code == 200
        api_counts.append(len(queries))
        with CaptureQueriesContext(connection) as queries:
            escalate_themes(now=end + timedelta(days=size))  # a later period each time: nothing is left over
        job_counts.append(len(queries))
        refresh.append(refresh_counts)
    assert refresh[0] == refresh[1]
    assert page_counts[0] == page_counts[1]
    assert api_counts[0] == api_counts[1]
    # Writing escalations costs queries per escalation (and notice); finding them does not grow with the data.
    assert job_counts[1] - job_counts[0] < 60


def test_escalation_job_reads_in_a_constant_number_of_queries(committee, django_assert_max_num_queries):
    end = datetime(2026, 3, 1, 12, tzinfo=CPH)
    settings = EscalationSettings.objects.create(committee=committee, threshold=1000)  # nothing escalates
    for size in (60, 600):
        generate(complaints=size, ideas=size // 3, supports=0, years=0.2, seed=size, end=end, batch_size=200)
        settings.themes.set(Theme.objects.all())
        with django_assert_max_num_queries(6):
            assert escalate_themes(now=end) == []


def test_charts_are_images_with_a_title_a_caption_and_escaped_text():
    chart = bar_chart(
        chart_id="c",
        title="Klager <pr.> uge",
        caption="Klager & idéer",
        bars=[Bar("Vej & Park", 12.5, "12,5"), Bar("Natur", None, "færre end 5"), Bar("Tom", 0, "0")],
    )
    html = render_to_string("includes/chart.html", {"chart": chart})
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="c-title"' in svg and 'aria-describedby="c-desc"' in svg
    assert '<title id="c-title">Klager &lt;pr.&gt; uge</title>' in svg
    assert "Vej &amp; Park" in svg and ">12,5</text>" in svg and "færre end 5" in svg
    assert svg.count("<rect") == 1  # no bar for a withheld or empty group, only its words
    assert 'width="240.0"' in svg and "," not in svg.split(">")[0]  # coordinates unlocalised, even in Danish
    assert '<figcaption id="c-caption" class="chart-caption">Klager &amp; idéer</figcaption>' in html


def test_every_chart_on_the_theme_page_has_a_visible_caption_and_states_are_badges(client, committee, member):
    generate(complaints=60, ideas=20, supports=60, years=0.3, seed=3, end=timezone.now(), batch_size=200)
    EscalationSettings.objects.create(committee=committee, threshold=1)  # every theme with anything escalates
    escalate_themes()
    client.force_login(member)
    html = client.get(reverse("escalations:theme", args=[committee.slug, "vej-og-trafik"])).content.decode()
    figures = html.split('<figure class="chart-figure">')[1:]
    assert len(figures) == 3
    for figure, chart_id in zip(figures, ("chart-complaints", "chart-ideas", "chart-departments"), strict=True):
        figure = figure[: figure.index("</figure>")]
        assert f'<title id="{chart_id}-title">' in figure and 'role="img"' in figure
        assert f'<figcaption id="{chart_id}-caption" class="chart-caption">' in figure
    assert "Klager om emnet pr. uge fra " in html and "<table" in html
    status = html[html.index('id="status-title"') : html.index('id="figures-title"')]
    assert 'class="tag' not in html and '<span class="badge badge-info">Venter på udvalget</span>' in status
