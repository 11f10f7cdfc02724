"""The public service figures: right numbers, small groups withheld, public doors, constant query counts."""

import csv
import io
import re
import threading
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from complaints.models import Complaint, ContactLog, ContactTask, Survey
from demo.municipality import generate, given_timestamps
from figures.models import ServiceFigure
from figures.selectors import IdeaRow, service_figures
from figures.services import refresh_service_figures

CPH = ZoneInfo("Europe/Copenhagen")


def add_complaint(department, citizen, *, created, contact_days=None, due_days=3, outcome="", kind="other",
                  closed_days=10, rating=None, understood=None, forwarded_days=None):  # fmt: skip
    """One complaint with its early-contact task, contact log and survey, at the given times."""
    closed = created + timedelta(days=closed_days) if outcome else None
    with given_timestamps(Complaint, ContactTask, ContactLog, Survey):
        complaint = Complaint.objects.create(
            citizen=citizen, department=department, kind=kind, subject="Klage", description="En klage om noget.",
            contact_channel="email", status="closed" if outcome else "in_dialogue", outcome=outcome,
            closed_at=closed, created_at=created, updated_at=created,
            genvurdering_due=created + timedelta(weeks=4) if kind == "decision" else None,
            forwarded_at=created + timedelta(days=forwarded_days) if forwarded_days is not None else None,
        )  # fmt: skip
        task = ContactTask.objects.create(
            complaint=complaint, kind="early_contact", department=department, due_at=created + timedelta(days=due_days),
            status="done" if contact_days is not None else "open", created_at=created, updated_at=created,
        )  # fmt: skip
        if contact_days is not None:
            at = created + timedelta(days=contact_days)
            ContactLog.objects.create(
                task=task, complaint=complaint, author=citizen, channel="phone", contacted_at=at,
                summary="Talt sammen.", citizen_understood_decision="yes", created_at=at, updated_at=at,
            )  # fmt: skip
        if rating is not None:
            Survey.objects.create(
                complaint=complaint, token_hash=f"{complaint.id:064d}", expires_at=closed + timedelta(days=30),
                answered_at=closed, rating=rating, understood_decision=understood, created_at=closed, updated_at=closed,
            )  # fmt: skip
    return complaint


@pytest.fixture
def march(family, nature, citizen):
    """Five complaints to Familiecentret and three to Natur og Miljø in March 2025."""
    start = datetime(2025, 3, 1, 0, 30, tzinfo=CPH)  # 28 February in UTC: it still counts for March
    plans = [
        dict(contact_days=1, outcome="resolved_in_dialogue", rating=5, understood=True),
        dict(contact_days=2, outcome="resolved_in_dialogue", rating=4, understood=True),
        dict(contact_days=3, outcome="decision_changed", rating=4, understood=True),
        dict(contact_days=4, outcome="upheld_and_forwarded", kind="decision", forwarded_days=20, rating=3,
             understood=True),
        dict(contact_days=10, outcome="upheld_and_forwarded", kind="decision", forwarded_days=35, rating=2,
             understood=False),
    ]  # fmt: skip
    for i, plan in enumerate(plans):
        add_complaint(family, citizen, created=start + timedelta(days=i), **plan)
    for i in range(3):
        add_complaint(nature, citizen, created=start + timedelta(days=i), contact_days=1, outcome="withdrawn", rating=1)
    refresh_service_figures()
    return start


def test_figures_are_computed_per_department_and_month(march):
    by_slug = {department.slug: department for department in service_figures(year=2025).departments}
    family = by_slug["familiecentret"]
    assert [row.month.isoformat() for row in family.months] == ["2025-03-01"]
    row = family.months[0]
    assert row.complaints.value == 5 and not row.suppressed
    assert row.first_contact_median_days.value == pytest.approx(3)
    assert row.first_contact_p90_days.value == pytest.approx(7.6)  # percentile_cont: 4 + 0.6 × (10 − 4)
    assert row.first_contact_within_deadline.value == pytest.approx(3 / 5)
    assert row.resolved_in_dialogue.value == pytest.approx(2 / 5)
    assert row.decision_changed.value == pytest.approx(1 / 5)
    assert row.upheld_and_forwarded.value == pytest.approx(2 / 5)
    assert row.survey_average_rating.value == pytest.approx(3.6)
    assert row.survey_understood_decision.value == pytest.approx(4 / 5)
    # Only two genvurderinger: too few to show, even though the month has five complaints.
    assert row.genvurdering_within_four_weeks.base == 2 and row.genvurdering_within_four_weeks.suppressed
    assert family.total.complaints.value == 5
    assert by_slug["natur-og-miljo"].months[0].suppressed
    assert by_slug["natur-og-miljo"].total.suppressed


def test_a_department_can_be_chosen(march, family):
    assert [d.slug for d in service_figures(year=2025, department=family).departments] == ["familiecentret"]
    assert service_figures(year=2024).departments == []


def test_the_public_page_shows_the_figures_and_withholds_small_groups(client, march):
    response = client.get(reverse("figures:service"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html
    familie = html[html.index('id="dept-familiecentret"') : html.index('id="dept-natur-og-miljo"')]
    familie = familie[familie.index("<table") :]  # the table; the charts are tested below
    assert "Marts" in familie
    assert "60 %" in familie  # within the deadline
    assert "7,6" in familie  # 90th percentile, in Danish
    assert "3,6" in familie  # average rating
    # Genvurdering and time to decision (no decisions yet), in March and for the whole year.
    assert familie.count("færre end 5") == 4
    natur = html[html.index('id="dept-natur-og-miljo"') :]
    natur_table = natur[natur.index("<table") : natur.index("</table>")]
    assert natur_table.count("færre end 5") == 22  # every figure of the month and of the year
    assert "Mette" not in html and "borger@example.dk" not in html


def _charts(html: str) -> list[str]:
    """Each chart's <figure> element."""
    return [part[: part.index("</figure>")] for part in html.split('<figure class="chart-figure">')[1:]]


def test_the_page_opens_with_a_contents_list_to_each_department(client, march):
    html = client.get(reverse("figures:service")).content.decode()
    contents = html[html.index('<nav class="anchorbox"') : html.index("</nav>", html.index('<nav class="anchorbox"'))]
    targets = re.findall(r'href="#([^"]+)"', contents)
    assert targets[:2] == ["dept-familiecentret", "dept-natur-og-miljo"]
    assert all(f'id="{target}"' in html for target in targets)
    assert html.index("anchorbox") < html.index('id="dept-familiecentret"')


def test_the_public_page_draws_each_department_s_months_as_accessible_charts(client, march):
    html = client.get(reverse("figures:service"), {"year": 2025}).content.decode()
    familie = html[html.index('id="dept-familiecentret"') : html.index('id="dept-natur-og-miljo"')]
    contact, dialogue = _charts(familie)
    for chart, kind in ((contact, "contact"), (dialogue, "dialogue")):
        chart_id = f"chart-familiecentret-{kind}"
        assert 'role="img"' in chart and f'aria-labelledby="{chart_id}-title"' in chart
        assert f'aria-describedby="{chart_id}-desc"' in chart
        assert f'<title id="{chart_id}-title">' in chart and f'<desc id="{chart_id}-desc">' in chart
        assert f'<figcaption id="{chart_id}-caption" class="chart-caption">' in chart  # a visible caption
        assert "Marts</text>" in chart and chart.count("<rect") == 1
    assert "Dage til første kontakt (median) pr. måned, Familiecentret 2025</title>" in contact
    assert ">3,0</text>" in contact  # the median, in Danish, as text beside its bar
    assert 'width="240.0"' in contact  # the only month is the longest bar
    assert "Andel løst i dialog pr. måned, Familiecentret 2025</title>" in dialogue
    assert ">40 %</text>" in dialogue and 'width="96.0"' in dialogue  # 40 % of the whole width: a share's scale
    assert "Tallene står også i tabellen under diagrammet." in contact
    assert familie.index("</svg>") < familie.index("<table")  # the table stays, below the charts
    natur = html[html.index('id="dept-natur-og-miljo"') :]
    withheld = _charts(natur)
    assert len(withheld) == 2 and all("<rect" not in chart for chart in withheld)
    assert all('class="chart-value chart-value-empty">færre end 5</text>' in chart for chart in withheld)
    assert "<table" in natur


def test_the_charts_speak_english_too(client, march):
    with translation.override(None):
        html = client.get(reverse("figures:service"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Days to first contact (median) per month, Familiecentret 2025</title>" in html
    assert "The figures are also in the table below the chart." in html and ">3.0</text>" in html


def _csv_rows(response, delimiter=","):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8")), delimiter=delimiter))


def test_csv_export_has_danish_columns_and_flags_withheld_figures_in_their_own_column(client, march):
    response = client.get(reverse("figures:service-csv"), {"year": "2025"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="servicetal-2025.csv"' in response["Content-Disposition"]
    assert not response.content.startswith(b"\xef\xbb\xbf")
    rows = _csv_rows(response)
    assert list(rows[0])[:6] == ["Afdelingens kode", "Afdeling", "Periode", "Klager", "Skjult: Klager",
                                 "Første kontakt, dage (median)"]  # fmt: skip
    march_row = next(r for r in rows if r["Afdelingens kode"] == "familiecentret" and r["Periode"] == "2025-03")
    assert march_row["Klager"] == "5" and march_row["Skjult: Klager"] == "nej"
    assert float(march_row["Første kontakt, dage (90 procent inden for)"]) == pytest.approx(7.6)
    assert march_row["Løst i dialog (andel)"] == "0.4"
    # Withheld: the number column is empty, its flag column says so.
    assert march_row["Genvurdering inden for 4 uger (andel)"] == ""
    assert march_row["Skjult: Genvurdering inden for 4 uger (andel)"] == "ja"
    natur = [r for r in rows if r["Afdelingens kode"] == "natur-og-miljo"]
    assert [r["Periode"] for r in natur] == ["2025-03", "2025"]
    assert all(r[m] == "" and r[f"Skjult: {m}"] == "ja" for r in natur for m in ("Klager", "Løst i dialog (andel)"))
    assert "færre end" not in response.content.decode()  # no words in a number column


def test_csv_export_in_english(client, march):
    rows = _csv_rows(client.get(reverse("figures:service-csv"), {"year": "2025", "lang": "en"}))
    assert list(rows[0])[:5] == ["Department code", "Department", "Period", "Complaints", "Hidden: Complaints"]
    march_row = next(r for r in rows if r["Department code"] == "familiecentret" and r["Period"] == "2025-03")
    assert march_row["Resolved in dialogue (share)"] == "0.4"
    assert march_row["Hidden: Reconsidered within 4 weeks (share)"] == "yes"
    assert march_row["Hidden: Complaints"] == "no"


def test_csv_export_for_danish_excel(client, march):
    response = client.get(reverse("figures:service-csv"), {"year": "2025", "format": "excel"})
    assert response.status_code == 200
    assert 'filename="servicetal-2025-excel.csv"' in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")  # the byte-order mark: Excel reads UTF-8
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert list(rows[0])[:3] == ["Afdelingens kode", "Afdeling", "Periode"]
    march_row = next(r for r in rows if r["Afdelingens kode"] == "familiecentret" and r["Periode"] == "2025-03")
    assert march_row["Løst i dialog (andel)"] == "0,4"  # decimal comma
    assert march_row["Første kontakt, dage (90 procent inden for)"] == "7,6"
    assert march_row["Klager"] == "5" and march_row["Afdeling"] == "Familiecentret"
    assert any(r["Afdeling"] == "Natur- og Miljøafdelingen" for r in rows)  # æ, ø, å survive
    english = client.get(reverse("figures:service-csv"), {"year": "2025", "format": "excel", "lang": "en"})
    assert english.content.decode("utf-8-sig").startswith("Department code;Department;Period;")


def test_the_page_links_the_downloads_in_its_language(client, march):
    html = client.get(reverse("figures:service"), {"year": 2025, "lang": "en"}).content.decode()
    assert "/servicetal/servicetal.csv?year=2025&amp;lang=da&amp;format=excel" in html
    assert '/servicetal/servicetal.csv?year=2025&amp;lang=da"' in html


def test_json_export(client, march):
    response = client.get("/api/figures/service/", {"year": 2025})
    assert response.status_code == 200
    body = response.json()
    assert body["year"] == 2025 and body["min_group_size"] == 5 and body["years"] == [2025]
    assert body["computed_at"]
    family = next(d for d in body["departments"] if d["slug"] == "familiecentret")
    march_row = family["months"][0]
    assert march_row["month"] == "2025-03"
    assert march_row["values"]["resolved_in_dialogue"] == 0.4
    assert march_row["values"]["genvurdering_within_four_weeks"] is None
    assert march_row["suppressed"] == ["genvurdering_within_four_weeks", "decision_median_days"]
    natur = next(d for d in body["departments"] if d["slug"] == "natur-og-miljo")
    assert natur["months"][0]["values"] == dict.fromkeys(natur["months"][0]["values"])
    assert len(natur["total"]["suppressed"]) == 11
    assert client.get("/api/figures/service/").json()["year"] == 2025  # the newest year by default


@pytest.mark.parametrize(
    "query", [{"year": "abc"}, {"year": "1800"}, {"department": "findes-ikke"}, {"year": "2025", "department": "x"}]
)
def test_bad_filters_are_answered_with_400(client, march, query):
    page = client.get(reverse("figures:service"), query)
    assert page.status_code == 400
    assert 'id="error-summary"' in page.content.decode()
    assert client.get(reverse("figures:service-csv"), query).status_code == 400


@pytest.mark.parametrize("query", [{"year": "abc"}, {"year": "99999"}, {"department": "findes-ikke"}])
def test_bad_api_filters_are_answered_with_400(client, march, query):
    assert client.get("/api/figures/service/", query).status_code == 400


def test_an_empty_municipality_has_an_empty_page(client, db):
    response = client.get(reverse("figures:service"))
    assert response.status_code == 200
    assert "Der er ingen tal for det valgte år." in response.content.decode()
    assert client.get("/api/figures/service/").json()["departments"] == []


def test_query_count_does_not_grow_with_the_data(client, db, django_assert_max_num_queries):
    end = datetime(2025, 12, 31, 12, tzinfo=CPH)
    refresh_counts, read_counts = [], []
    for size in (40, 400):
        generate(complaints=size, years=1, seed=size, end=end, batch_size=150)
        with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(11):
            refresh_service_figures()
        refresh_counts.append(len(queries))
        with CaptureQueriesContext(connection) as queries:
            for url in (reverse("figures:service"), reverse("figures:service-csv"), "/api/figures/service/"):
                with django_assert_max_num_queries(5):
                    assert client.get(url, {"year": 2025}).status_code == 200
        read_counts.append(len(queries))
    assert refresh_counts[0] == refresh_counts[1]
    assert read_counts[0] == read_counts[1]
    assert Complaint.objects.count() == 440
    assert ServiceFigure.objects.filter(period="year").aggregate(n=Sum("complaints"))["n"] == 440


def _refresh_in_other_connection():
    """refresh_service_figures() from another database session (a thread has its own connection)."""
    result = []

    def run():
        try:
            result.append(refresh_service_figures())
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result[0]


def test_the_refresh_replaces_the_figures_and_runs_once_at_a_time(march, family, citizen):
    assert ServiceFigure.objects.filter(department=family, period="month").get().complaints == 5
    add_complaint(family, citizen, created=march + timedelta(days=20), contact_days=1)
    assert refresh_service_figures() == 4  # two departments, one month and one year each
    assert ServiceFigure.objects.filter(department=family, period="month").get().complaints == 6
    with connection.cursor() as cursor:  # another refresh in progress holds the lock
        cursor.execute("SELECT pg_advisory_lock(%s)", [5_202_611])
    try:
        assert _refresh_in_other_connection() is None
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [5_202_611])


def test_generated_municipality_is_consistent(db):
    end = datetime(2025, 6, 30, tzinfo=CPH)
    counts = generate(complaints=120, years=0.5, seed=1, end=end, batch_size=50)
    assert counts["complaints"] == 120 == Complaint.objects.count()
    assert ContactTask.objects.filter(kind="early_contact").count() == 120
    assert counts["contact_logs"] == ContactLog.objects.count() > 100
    assert Complaint.objects.filter(created_at__gt=end).count() == 0
    assert Complaint.objects.filter(created_at__lt=end - timedelta(days=190)).count() == 0
    closed = Complaint.objects.filter(status="closed")
    assert closed.exclude(outcome="").count() == closed.count() > 50
    assert Complaint.objects.filter(themes__isnull=False).distinct().count() == counts["contact_logs"]


def test_the_page_speaks_english_too(client, march):
    with translation.override(None):  # the request switches this thread to English; put it back afterwards
        html = client.get(reverse("figures:service"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Service figures" in html and "fewer than 5" in html and "March" in html
    assert "7.6" in html


def test_ideas_per_month_with_how_many_reached_a_committee(client, march, committee, citizen):
    from ideas.models import Board, Idea

    board = Board.objects.create(title="Idéer", slug="ideer", committee=committee, opens_on=date(2025, 1, 1),
                                 closes_on=date(2025, 12, 31))  # fmt: skip
    plans = [("published", None)] * 3 + [("proposed", 2), ("decided", 2), ("implemented", 2)]
    with given_timestamps(Idea):
        for i, (status, proposed_after) in enumerate(plans):
            at = datetime(2025, 3, 2 + i, 12, tzinfo=CPH)
            Idea.objects.create(
                board=board, author=citizen, title="Idé", body="En god idé til byen.", status=status,
                proposed_at=at + timedelta(days=proposed_after) if proposed_after else None,
                created_at=at, updated_at=at,
            )  # fmt: skip
        for day in (1, 2, 3):
            at = datetime(2025, 4, day, 12, tzinfo=CPH)
            Idea.objects.create(board=board, author=citizen, title="Idé", body="En idé.", created_at=at, updated_at=at)
    refresh_service_figures()
    figures = service_figures(year=2025)
    march_row, april_row = figures.idea_months
    assert (march_row.ideas.value, march_row.reached_committee.value, march_row.decided.value) == (6, 3, 1)
    assert march_row.implemented.value == 1 and march_row.declined.value == 0
    assert april_row.suppressed and figures.idea_total.ideas.value == 9
    html = client.get(reverse("figures:service"), {"year": 2025}).content.decode()
    ideas_section = html[html.index('id="ideas-title"') :]
    assert "Marts" in ideas_section and "April" in ideas_section and "færre end 5" in ideas_section
    rows = _csv_rows(client.get(reverse("figures:ideas-csv"), {"year": 2025}))
    assert [(r["Periode"], r["Idéer"], r["Nåede et udvalg"], r["Skjult: Idéer"]) for r in rows] == [
        ("2025-03", "6", "3", "nej"), ("2025-04", "", "", "ja"), ("2025", "9", "3", "nej"),
    ]  # fmt: skip
    body = client.get("/api/figures/service/", {"year": 2025}).json()
    assert body["ideas"]["months"][1]["suppressed"] == list(IdeaRow.MEASURES)
