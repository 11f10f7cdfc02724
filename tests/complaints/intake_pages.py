"""The complaint filed through its pages, step by step, as a citizen does it (issue 9's multi-step intake)."""

from django.urls import reverse

STEP_FIELDS = {
    "om": ("kind", "department", "case_number", "decision_date"),
    "detaljer": ("subject", "description", "desired_outcome", "decision_file", "documents"),
    "kontakt": ("contact_channel", "phone", "contact_time", "notify_about_decisions"),
}


def answer_steps(client, data: dict) -> None:
    """Answer every step with `data` (the whole complaint form's input); each must be accepted."""
    for step, fields in STEP_FIELDS.items():
        response = client.post(
            reverse("complaints:create-step", args=[step]), {k: v for k, v in data.items() if k in fields}
        )
        assert response.status_code == 302, (step, response.context["form"].errors if response.context else "")


def send_draft(client):
    """Post "Send klagen" on Tjek dine svar with the draft the page shows."""
    check = client.get(reverse("complaints:create-check"))
    assert check.status_code == 200, check
    return client.post(reverse("complaints:create-check"), {"draft": check.context["draft"].id})


def file_through_pages(client, data: dict):
    answer_steps(client, data)
    return send_draft(client)
