"""The hourly escalation job: once per window, never below N, a clear rise, and only what the committee follows."""

import threading
from datetime import timedelta

import pytest
from django.db import connection

from escalations.models import Escalation, EscalationSettings
from escalations.services import escalate_themes, window_start
from notifications.models import Email, Notice
from tests.escalations.conftest import NOW, days_before


def test_never_for_fewer_than_n(follows, themed, road, secretary):
    for days in (1, 5, 9, 20):
        themed(road, days_before(days))
    themed(road, days_before(31))  # outside the window
    assert escalate_themes(now=NOW) == []
    assert not Escalation.objects.exists()
    assert not Notice.objects.exists()


def test_n_new_complaints_and_ideas_escalate_once_and_the_secretary_is_told(follows, themed, road, secretary):
    for days in (1, 2, 3):
        themed(road, days_before(days))
    for days in (4, 5):
        themed(road, days_before(days), kind="idea")
    themed(road, days_before(40))  # the window before
    (escalation,) = escalate_themes(now=NOW)
    assert (escalation.theme, escalation.reason) == (road, Escalation.Reason.THRESHOLD)
    assert (escalation.complaints, escalation.ideas, escalation.previous, escalation.new_items) == (3, 2, 1, 5)
    assert escalation.window_start == window_start(NOW.date(), 30)
    assert escalation.status == Escalation.Status.OPEN
    notice = Notice.objects.get(user=secretary)
    assert "Vej og trafik" in notice.title and notice.url.endswith("/emner/vej-og-trafik/")
    assert Email.objects.filter(recipient=secretary).count() == 1


def test_once_per_window_however_often_the_job_runs(follows, themed, road, secretary):
    for days in range(1, 6):
        themed(road, days_before(days))
    assert len(escalate_themes(now=NOW)) == 1
    assert escalate_themes(now=NOW) == []
    assert escalate_themes(now=NOW + timedelta(hours=1)) == []
    # Five more new ones in the same window: still one escalation for the window.
    for hours in range(1, 6):
        themed(road, NOW + timedelta(hours=hours))
    assert escalate_themes(now=NOW + timedelta(hours=6)) == []
    assert Escalation.objects.count() == 1
    assert Notice.objects.filter(user=secretary).count() == 1


def test_the_next_window_needs_new_complaints_and_ideas(follows, themed, road):
    for days in range(1, 6):
        themed(road, days_before(days))
    (first,) = escalate_themes(now=NOW)
    later = NOW + timedelta(days=31)
    assert window_start(later.date(), 30) != first.window_start
    assert escalate_themes(now=later) == []  # the same five, already escalated
    for days in range(1, 6):
        themed(road, later - timedelta(days=days))
    (second,) = escalate_themes(now=later)
    assert second.new_items == 5 and second.window_start != first.window_start


def test_a_clear_rise_escalates_though_few_are_new(follows, themed, road):
    """Ten days ago the theme escalated; since then only two new, but the window holds five, over twice
    the window before (two): a clear rise."""
    EscalationSettings.objects.filter(id=follows.id).update(window_days=10)
    earlier = days_before(5)
    Escalation.objects.create(
        committee=follows.committee, theme=road, window_start=window_start(NOW.date(), 10) - timedelta(days=10),
        detected_at=earlier, window_days=10, new_items=5, complaints=5, ideas=0, previous=0, reason="threshold",
    )  # fmt: skip
    for days in (12, 15):  # the window before
        themed(road, days_before(days))
    for days in (9, 8, 6):  # in the window, counted by the earlier escalation
        themed(road, days_before(days))
    for days in (3, 1):  # new
        themed(road, days_before(days))
    (escalation,) = escalate_themes(now=NOW)
    assert escalation.reason == Escalation.Reason.RISE
    assert (escalation.new_items, escalation.complaints, escalation.previous) == (2, 5, 2)


def test_no_rise_when_the_window_before_was_as_busy(follows, themed, road):
    EscalationSettings.objects.filter(id=follows.id).update(window_days=10)
    Escalation.objects.create(
        committee=follows.committee, theme=road, window_start=window_start(NOW.date(), 10) - timedelta(days=10),
        detected_at=days_before(5), window_days=10, new_items=5, complaints=5, ideas=0, previous=0,
        reason="threshold",
    )  # fmt: skip
    for days in (12, 15, 18):  # three before: five is not twice three
        themed(road, days_before(days))
    for days in (9, 8, 6, 3, 1):
        themed(road, days_before(days))
    assert escalate_themes(now=NOW) == []


def test_a_rise_below_n_does_not_escalate(follows, themed, road):
    themed(road, days_before(40))
    for days in (1, 2, 3, 4):  # four times the window before, but fewer than five
        themed(road, days_before(days))
    assert escalate_themes(now=NOW) == []


def test_only_followed_active_themes_and_confirmed_themes_count(
    follows, themed, road, waste, committee, family, citizen
):
    other = road.__class__.objects.create(name="Skole og SFO", slug="skole-og-sfo")
    for days in range(1, 6):
        themed(other, days_before(days))  # not followed
    waste.active = False
    waste.save()
    for days in range(1, 6):
        themed(waste, days_before(days))  # no longer active
    from complaints.models import ComplaintThemeSuggestion

    for days in range(1, 6):  # suggested, not confirmed
        complaint = themed(road, days_before(days))
        complaint.themes.clear()
        ComplaintThemeSuggestion.objects.create(complaint=complaint, theme=road, score=0.9)
    assert escalate_themes(now=NOW) == []
    follows.themes.clear()  # no themes chosen: the committee follows every active theme
    assert [e.theme for e in escalate_themes(now=NOW)] == [other]


def test_committees_without_settings_get_nothing(themed, road):
    for days in range(1, 8):
        themed(road, days_before(days))
    assert escalate_themes(now=NOW) == []


def test_each_committee_gets_its_own_escalation(follows, themed, road, other_committee):
    other = EscalationSettings.objects.create(committee=other_committee, threshold=3, window_days=30)
    other.themes.set([road])
    for days in range(1, 6):
        themed(road, days_before(days))
    assert sorted(e.committee.slug for e in escalate_themes(now=NOW)) == ["okonomiudvalget", "projektudvalget"]


@pytest.mark.django_db(transaction=True)
def test_two_jobs_at_once_make_one_escalation(committee, secretary, family, citizen):
    from themes.models import Theme

    road = Theme.objects.create(name="Vej og trafik", slug="vej-og-trafik")
    settings = EscalationSettings.objects.create(committee=committee, threshold=5, window_days=30)
    settings.themes.set([road])
    from complaints.models import Complaint
    from demo.municipality import given_timestamps

    with given_timestamps(Complaint):
        for days in range(1, 7):
            complaint = Complaint.objects.create(
                citizen=citizen, department=family, kind="other", subject="Huller", description="Huller i vejen.",
                contact_channel="email", created_at=days_before(days), updated_at=days_before(days),
            )  # fmt: skip
            complaint.themes.add(road)
    barrier = threading.Barrier(2)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(len(escalate_themes(now=NOW)))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 1]
    assert Escalation.objects.count() == 1
    assert Notice.objects.filter(user=secretary).count() == 1
