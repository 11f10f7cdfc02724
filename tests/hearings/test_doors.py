"""Every door (pages and API) obeys the same rules: who may read a hearing and its answers, who may answer,
who writes; a closed or sensitive answer never reaches a public door."""

import pytest
from django.urls import reverse

from hearings import services
from hearings.models import Answer
from tests.committees.conftest import pdf_upload
from tests.documents import reading
from tests.hearings.conftest import conclude, past_deadline


def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def answered(open_hearing, citizen, elder_member, elder_council):
    services.answer_hearing(author=citizen, hearing=open_hearing, body="Et offentligt svar fra en borger.")
    services.answer_hearing(
        author=citizen, hearing=open_hearing, body="Hemmeligt om min sygdom her.", contains_sensitive=True
    )
    services.answer_hearing(
        author=elder_member, hearing=open_hearing, council=elder_council, body="Ældrerådets svar til høringen."
    )
    return open_hearing


def test_the_public_reads_a_published_hearing_but_not_a_draft(client, open_hearing, make_hearing):
    draft = make_hearing(publish=False, title="Hemmelig kladde")
    page = client.get(reverse("hearings:list"))
    assert "Forslag til ny dialogmodel" in page.content.decode() and "Hemmelig kladde" not in page.content.decode()
    assert client.get(reverse("hearings:hearing", args=[open_hearing.id])).status_code == 200
    assert client.get(reverse("hearings:hearing", args=[draft.id])).status_code == 404
    assert client.get(reverse("hearings:hearing", args=[999999])).status_code == 404


def test_answers_stay_off_public_doors_until_the_deadline(client, api, answered):
    page = client.get(reverse("hearings:hearing", args=[answered.id])).content.decode()
    assert "Et offentligt svar fra en borger." not in page
    assert "3 høringssvar i alt" in page
    assert api().get(f"/api/hearings/{answered.id}/answers/").json() == []


def test_after_the_deadline_published_answers_are_public_and_sensitive_ones_never(client, api, answered):
    past_deadline(answered)
    page = client.get(reverse("hearings:hearing", args=[answered.id])).content.decode()
    assert "Et offentligt svar fra en borger." in page and "Ældrerådets svar til høringen." in page
    assert "Hemmeligt" not in page
    bodies = [a["body"] for a in api().get(f"/api/hearings/{answered.id}/answers/").json()]
    assert sorted(bodies) == ["Et offentligt svar fra en borger.", "Ældrerådets svar til høringen."]
    sensitive = Answer.objects.get(contains_sensitive=True)
    assert client.get(reverse("hearings:answer-file", args=[sensitive.id, "x.pdf"])).status_code == 404


def test_the_department_reads_every_answer_and_the_read_of_a_sensitive_one_is_logged(client, answered, staff, citizen):
    page = logged_in(client, staff).get(reverse("hearings:manage", args=[answered.id])).content.decode()
    assert "Hemmeligt om min sygdom her." in page
    assert citizen.personal_data_accesses.filter(viewer=staff).count() == 1


def test_writing_the_notat_is_a_logged_read_of_a_sensitive_answer(client, answered, staff, citizen):
    past_deadline(answered)
    page = logged_in(client, staff).get(reverse("hearings:note-edit", args=[answered.id]))
    assert page.status_code == 200
    assert citizen.personal_data_accesses.filter(viewer=staff, what__contains="følsomme").count() == 1


def test_other_staff_and_citizens_cannot_reach_the_department_pages(client, answered, other_caseworker, citizen):
    for person in (other_caseworker, citizen):
        client = logged_in(client, person)
        assert client.get(reverse("hearings:manage", args=[answered.id])).status_code == 404
        assert client.post(reverse("hearings:publish", args=[answered.id])).status_code == 404
        assert client.get(reverse("hearings:note-edit", args=[answered.id])).status_code == 404


def test_a_council_member_answers_for_her_council_by_section_on_the_page(
    client, open_hearing, elder_member, elder_council
):
    section = open_hearing.sections.get(number=2)
    client = logged_in(client, elder_member)
    form = client.get(reverse("hearings:answer", args=[open_hearing.id]) + f"?afsnit={section.id}").content.decode()
    assert "Ældrerådet" in form and f'value="{section.id}" selected' in form
    response = client.post(
        reverse("hearings:answer", args=[open_hearing.id]),
        {"section": section.id, "on_behalf": f"council-{elder_council.id}", "body": "Rådet bakker op om afsnit 2."},
    )
    assert response.status_code == 302
    answer = Answer.objects.get()
    assert answer.council == elder_council and answer.section == section


def test_a_member_of_another_council_is_not_offered_it_and_cannot_post_it(
    client, open_hearing, disability_member, elder_council
):
    client = logged_in(client, disability_member)
    form = client.get(reverse("hearings:answer", args=[open_hearing.id])).content.decode()
    assert "Ældrerådet" not in form.split("<form")[1]
    response = client.post(
        reverse("hearings:answer", args=[open_hearing.id]),
        {"section": "", "on_behalf": f"council-{elder_council.id}", "body": "Forsøg på at svare for Ældrerådet."},
    )
    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_the_api_refuses_an_answer_for_someone_elses_council_in_danish(api, open_hearing, disability_member):
    response = api(disability_member).post(
        f"/api/hearings/{open_hearing.id}/answers/",
        {"body": "For Ældrerådet, uden at være medlem.", "council": "aeldreraadet"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["council"] == [
        "Du kan kun svare på vegne af et råd, du er medlem af. Du er ikke medlem af Ældrerådet."
    ]
    assert not Answer.objects.exists()


def test_the_api_takes_an_answer_on_a_section_with_a_file(api, open_hearing, citizen):
    response = api(citizen).post(
        f"/api/hearings/{open_hearing.id}/answers/",
        {"body": "Mit svar på afsnit 1, se bilag.", "section": 1, "file": pdf_upload("svar.pdf")},
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["section"] == 1 and response.json()["file_url"].endswith("/svar.pdf")
    assert api().post(f"/api/hearings/{open_hearing.id}/answers/", {"body": "Anonymt svar"}).status_code in (401, 403)


def test_the_api_refuses_an_answer_after_the_deadline(api, open_hearing, citizen):
    past_deadline(open_hearing)
    response = api(citizen).post(f"/api/hearings/{open_hearing.id}/answers/", {"body": "For sent på den."})
    assert response.status_code == 400 and "Høringsfristen udløb" in response.json()["hearing"][0]


def test_the_api_lists_and_shows_hearings_and_the_note_once_published(api, answered, staff, make_hearing):
    draft = make_hearing(publish=False, title="Kladde")
    assert [h["id"] for h in api().get("/api/hearings/").json()["results"]] == [answered.id]
    detail = api().get(f"/api/hearings/{answered.id}/").json()
    assert detail["status"] == "open" and [s["number"] for s in detail["sections"]] == [1, 2]
    assert detail["invited"] == ["Ældrerådet", "Handicaprådet"]
    assert api().get(f"/api/hearings/{draft.id}/").status_code == 404
    assert api().get(f"/api/hearings/{answered.id}/note/").status_code == 404
    conclude(answered, staff)
    note = api().get(f"/api/hearings/{answered.id}/note/").json()
    assert note["answers_total"] == 3 and note["answers_sensitive"] == 1
    assert note["sections"][0]["changes_draft"] is True


def test_the_api_schema_has_the_hearing_paths(api):
    schema = api().get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path in (
        "/api/hearings/",
        "/api/hearings/{hearing_id}/",
        "/api/hearings/{hearing_id}/answers/",
        "/api/hearings/{hearing_id}/note/",
    ):
        assert path in schema["paths"]


def test_the_notat_page_and_pdf_are_public_once_concluded(client, answered, staff):
    assert client.get(reverse("hearings:note", args=[answered.id])).status_code == 404
    conclude(answered, staff)
    page = client.get(reverse("hearings:note", args=[answered.id])).content.decode()
    assert "Svarene om afsnit 1 bakker op." in page
    pdf = client.get(reverse("hearings:note-pdf", args=[answered.id]))
    assert pdf["Content-Type"] == "application/pdf"
    text = "\n".join(reading.pages(pdf.content))
    assert "Høringsnotat: Forslag til ny dialogmodel" in text and "Hemmeligt" not in text
    assert reading.xmp_value(pdf.content, "pdfuaid:part") == "1"


def test_the_english_notat_is_in_english(client, answered, staff):
    conclude(answered, staff)
    client.cookies["django_language"] = "en"
    pdf = client.get(reverse("hearings:note-pdf", args=[answered.id]), HTTP_ACCEPT_LANGUAGE="en")
    assert "Consultation report: Forslag til ny dialogmodel" in "\n".join(reading.pages(pdf.content))


def test_the_department_runs_a_hearing_through_its_pages(client, staff, committee, family, elder_council):
    client = logged_in(client, staff)
    response = client.post(
        reverse("hearings:create"),
        {
            "title": "Ny ældrepolitik",
            "summary": "Kommunen vil skrive en ny ældrepolitik.",
            "committee": committee.id,
            "department": family.id,
            "starts_on": "2020-01-10",
            "ends_on": "2020-01-01",
        },
    )
    assert response.status_code == 400 and "Høringsfristen skal ligge efter startdatoen." in response.content.decode()
    from django.utils import timezone

    today = timezone.localdate()
    response = client.post(
        reverse("hearings:create"),
        {
            "title": "Ny ældrepolitik",
            "summary": "Kommunen vil skrive en ny ældrepolitik.",
            "committee": committee.id,
            "department": family.id,
            "starts_on": today.isoformat(),
            "ends_on": today.replace(year=today.year + 1).isoformat(),
        },
    )
    assert response.status_code == 302
    hearing_id = int(response["Location"].rstrip("/").split("/")[-2])
    client.post(reverse("hearings:section-add", args=[hearing_id]), {"title": "Formål", "body": "Politikkens formål."})
    client.post(reverse("hearings:invite", args=[hearing_id]), {"party": f"council-{elder_council.id}"})
    assert client.post(reverse("hearings:publish", args=[hearing_id])).status_code == 302
    page = client.get(reverse("hearings:hearing", args=[hearing_id])).content.decode()
    assert "1. Formål" in page and "Ældrerådet" in page
