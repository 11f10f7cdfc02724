"""Complaints carry themes: suggested from the text at intake, confirmed or changed by staff when they log contact.

The suggestion is never applied on its own; and the citizen may agree to hear about committee decisions.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints import services
from complaints.models import Complaint, ComplaintThemeSuggestion, ContactTask
from complaints.selectors import themed_complaint_examples
from tests.complaints.intake_pages import file_through_pages
from themes.models import Theme

ROAD_TEXT = "Der er store huller i asfalten på Ahornvej, og bilerne kører alt for stærkt forbi skolen."


def file(citizen, department, **fields) -> Complaint:
    values = {
        "kind": Complaint.Kind.CASE_HANDLING,
        "subject": "Huller i vejen",
        "description": ROAD_TEXT,
        "contact_channel": Complaint.ContactChannel.EMAIL,
    } | fields
    return services.file_complaint(citizen=citizen, department=department, **values)


@pytest.fixture
def routed(citizen, family, caseworker, suggestion_model):
    """A filed complaint, routed and suggested for, as the after-commit tasks leave it."""
    complaint = file(citizen, family)
    services.route_complaint(complaint_id=complaint.id)
    services.suggest_complaint_themes(complaint_id=complaint.id)
    return complaint


def test_intake_suggests_after_commit_and_applies_nothing(citizen, family, suggestion_model, demo_themes,
                                                          django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks() as callbacks:
        complaint = file(citizen, family)
    assert len(callbacks) == 1  # routing, after commit; its run queues the suggestion (tests/complaints/test_flow.py)
    assert not complaint.theme_suggestions.exists()

    stored = services.suggest_complaint_themes(complaint_id=complaint.id)
    assert stored[0].theme == demo_themes["vej-og-trafik"]
    assert 0.35 <= stored[0].score <= 1
    complaint.refresh_from_db()
    assert complaint.themes_suggested_at is not None
    assert not complaint.themes.exists()  # suggested, not applied


def test_suggesting_twice_keeps_the_first_suggestion(routed):
    before = list(routed.theme_suggestions.values_list("theme_id", "score"))
    assert services.suggest_complaint_themes(complaint_id=routed.id) == []
    assert list(routed.theme_suggestions.values_list("theme_id", "score")) == before
    assert services.suggest_complaint_themes(complaint_id=99_999_999) == []


def test_without_a_model_the_complaint_is_marked_suggested_with_nothing(citizen, family, demo_themes):
    complaint = file(citizen, family)
    assert services.suggest_complaint_themes(complaint_id=complaint.id) == []
    complaint.refresh_from_db()
    assert complaint.themes_suggested_at is not None


def test_the_contact_form_is_prefilled_with_the_suggestion(client, caseworker, routed, demo_themes):
    task = routed.tasks.get(kind=ContactTask.Kind.EARLY_CONTACT)
    client.force_login(caseworker)
    html = client.get(reverse("complaints:task", args=[task.id])).content.decode()
    checked = re.findall(r'<input type="checkbox" name="themes" value="(\d+)"[^>]*checked', html)
    suggested = [str(theme_id) for theme_id in routed.theme_suggestions.values_list("theme_id", flat=True)]
    assert str(demo_themes["vej-og-trafik"].id) in checked
    assert sorted(checked) == sorted(suggested)
    assert "Foreslået ud fra teksten: Vej og trafik (" in html
    assert len(re.findall(r'<input type="checkbox" name="themes"', html)) == len(demo_themes)


def test_staff_confirm_or_change_the_themes_when_logging_contact(client, caseworker, routed, demo_themes):
    task = routed.tasks.get(kind=ContactTask.Kind.EARLY_CONTACT)
    client.force_login(caseworker)
    chosen = [demo_themes["skolebus-og-koersel"].id, demo_themes["sagsbehandling-og-kommunikation"].id]
    response = client.post(
        reverse("complaints:task", args=[task.id]),
        {
            "action": "contact",
            "channel": "phone",
            "contacted_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "summary": "Talt med borgeren om vejen.",
            "citizen_understood_decision": "yes",
            "themes": chosen,
        },
    )
    assert response.status_code == 302
    assert sorted(routed.themes.values_list("id", flat=True)) == sorted(chosen)
    # The suggestion stays stored beside what staff chose.
    assert routed.theme_suggestions.filter(theme=demo_themes["vej-og-trafik"]).exists()


def test_the_follow_up_form_shows_the_confirmed_themes(client, caseworker, routed, demo_themes):
    routed.themes.set([demo_themes["affald"]])
    services.close_complaint(actor=caseworker, complaint=routed, outcome="resolved_in_dialogue", note="Løst.")
    follow_up = routed.tasks.get(kind=ContactTask.Kind.FOLLOW_UP)
    client.force_login(caseworker)
    response = client.get(reverse("complaints:task", args=[follow_up.id]))
    assert response.context["contact_form"].initial["themes"] == [demo_themes["affald"].id]


def test_the_sweeper_suggests_when_the_intake_task_was_lost_and_the_page_never_writes(
    client, caseworker, citizen, family, suggestion_model
):
    complaint = file(citizen, family)
    task = services.route_complaint(complaint_id=complaint.id)
    client.force_login(caseworker)
    assert client.get(reverse("complaints:task", args=[task.id])).status_code == 200
    complaint.refresh_from_db()
    assert complaint.themes_suggested_at is None and not complaint.theme_suggestions.exists()  # GET writes nothing
    assert services.sweep_unsuggested_themes(now=timezone.now()) == 0  # within the grace period: the task may come
    assert services.sweep_unsuggested_themes(now=timezone.now() + timedelta(minutes=5)) == 1
    assert complaint.theme_suggestions.exists()
    assert services.sweep_unsuggested_themes(now=timezone.now() + timedelta(minutes=5)) == 0


def test_api_contact_with_themes_sets_them(api, caseworker, routed, demo_themes):
    task = routed.tasks.get(kind=ContactTask.Kind.EARLY_CONTACT)
    listed = api(caseworker).get("/api/tasks/").json()["results"]
    assert listed[0]["suggested_themes"][0]["slug"] == "vej-og-trafik"
    payload = {
        "channel": "phone",
        "contacted_at": timezone.now().isoformat(),
        "summary": "Talt med borgeren.",
        "citizen_understood_decision": "yes",
        "themes": [demo_themes["vej-og-trafik"].id],
    }
    response = api(caseworker).post(f"/api/tasks/{task.id}/contacts/", payload, format="json")
    assert response.status_code == 201
    assert "themes" not in response.json()
    assert list(routed.themes.all()) == [demo_themes["vej-og-trafik"]]
    detail = api(caseworker).get(f"/api/complaints/{routed.id}/").json()
    assert detail["themes"] == [
        {"id": demo_themes["vej-og-trafik"].id, "slug": "vej-og-trafik", "name": "Vej og trafik"}
    ]


def test_api_contact_without_themes_leaves_them_alone(api, caseworker, routed, demo_themes):
    routed.themes.set([demo_themes["affald"]])
    task = routed.tasks.get(kind=ContactTask.Kind.EARLY_CONTACT)
    payload = {"channel": "phone", "contacted_at": timezone.now().isoformat(), "summary": "Talt med borgeren.",
               "citizen_understood_decision": "yes"}  # fmt: skip
    assert api(caseworker).post(f"/api/tasks/{task.id}/contacts/", payload, format="json").status_code == 201
    assert list(routed.themes.all()) == [demo_themes["affald"]]


@pytest.mark.parametrize("themes", [[99_999_999], ["vej"], "vej", [None]])
def test_api_contact_with_bad_themes_changes_nothing(api, caseworker, routed, themes):
    task = routed.tasks.get(kind=ContactTask.Kind.EARLY_CONTACT)
    payload = {"channel": "phone", "contacted_at": timezone.now().isoformat(), "summary": "Talt med borgeren.",
               "citizen_understood_decision": "yes", "themes": themes}  # fmt: skip
    response = api(caseworker).post(f"/api/tasks/{task.id}/contacts/", payload, format="json")
    assert response.status_code == 400
    assert "themes" in response.json()
    task.refresh_from_db()
    assert task.status == ContactTask.Status.OPEN
    assert not routed.themes.exists()


def test_an_inactive_theme_cannot_be_chosen(api, caseworker, routed, demo_themes):
    Theme.objects.filter(slug="affald").update(active=False)
    task = routed.tasks.get(kind=ContactTask.Kind.EARLY_CONTACT)
    payload = {"channel": "phone", "contacted_at": timezone.now().isoformat(), "summary": "Talt med borgeren.",
               "citizen_understood_decision": "yes", "themes": [demo_themes["affald"].id]}  # fmt: skip
    assert api(caseworker).post(f"/api/tasks/{task.id}/contacts/", payload, format="json").status_code == 400
    demo_themes["affald"].active = False
    with pytest.raises(services.ValidationError) as error:
        services.log_contact(actor=caseworker, task=task, channel="phone", contacted_at=timezone.now(),
                             summary="Talt med borgeren.", citizen_understood_decision="yes",
                             themes=[demo_themes["affald"]])  # fmt: skip
    assert "themes" in error.value.message_dict


def test_the_citizen_may_agree_to_hear_about_committee_decisions(client, api, citizen, family):
    client.force_login(citizen)
    form = client.get(reverse("complaints:create-step", args=["kontakt"])).content.decode()
    assert "Må vi give dig besked, hvis et politisk udvalg behandler emnet?" in form
    assert 'type="checkbox" name="notify_about_decisions"' in form
    assert 'name="notify_about_decisions" id="id_notify_about_decisions" checked' not in form

    payload = {"kind": "other", "department": family.slug, "subject": "Huller i vejen", "description": ROAD_TEXT,
               "contact_channel": "email"}  # fmt: skip
    quiet = api(citizen).post("/api/complaints/", payload, format="json").json()
    agreed = api(citizen).post("/api/complaints/", payload | {"notify_about_decisions": True}, format="json").json()
    assert Complaint.objects.get(id=quiet["id"]).notify_about_decisions is False
    assert Complaint.objects.get(id=agreed["id"]).notify_about_decisions is True
    bad = api(citizen).post("/api/complaints/", payload | {"notify_about_decisions": "måske"}, format="json")
    assert bad.status_code == 400 and "notify_about_decisions" in bad.json()

    response = file_through_pages(
        client,
        {"kind": "other", "department": family.id, "subject": "Huller i vejen", "description": ROAD_TEXT,
         "contact_channel": "email", "notify_about_decisions": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Complaint.objects.order_by("-id").first().notify_about_decisions is True


def test_training_examples_are_complaints_with_confirmed_themes_only(citizen, family, demo_themes):
    themed = file(citizen, family, subject="Skraldespanden", description="Skraldespanden er ikke tømt i tre uger.")
    themed.themes.set([demo_themes["affald"], demo_themes["sagsbehandling-og-kommunikation"]])
    unthemed = file(citizen, family)
    ComplaintThemeSuggestion.objects.create(complaint=unthemed, theme=demo_themes["vej-og-trafik"], score=0.9)
    examples = themed_complaint_examples(10)
    assert examples == [
        (
            "Skraldespanden\nSkraldespanden er ikke tømt i tre uger.",
            sorted([demo_themes["affald"].id, demo_themes["sagsbehandling-og-kommunikation"].id]),
        )
    ]
    assert themed_complaint_examples(0) == []


def test_complaint_page_shows_the_confirmed_themes(client, citizen, routed, demo_themes):
    client.force_login(citizen)
    assert "Ikke sat endnu" in client.get(reverse("complaints:detail", args=[routed.id])).content.decode()
    routed.themes.set([demo_themes["vej-og-trafik"]])
    assert (
        '<span class="badge">Vej og trafik</span>'
        in client.get(reverse("complaints:detail", args=[routed.id])).content.decode()
    )
