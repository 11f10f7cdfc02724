"""Anonymising the legal track of a closed case (called by retention, beside complaints.anonymisation): every
text goes — the hearings' facts and answers, the decisions' letters and grounds, the reassessment's grounds —
and so do the decision PDFs and the klagepakke. The times stay (sent, answered, deadlines, decided,
forwarded), so the figures' time to decision and its paused clock are the same afterwards. Safe to run twice."""

from django.db import transaction

from casework.models import Decision, Hearing, Reassessment
from dialogue.services import ANONYMISED_TEXT

DECISION_TEXTS = ["decision", "legal_rules", "considerations", "facts", "complaint_guidance", "hearing_override_reason"]


def _delete_on_commit(files) -> None:
    """A file goes once the rows no longer point to it for good; a rollback keeps both."""
    for file in files:
        if file:
            transaction.on_commit(lambda file=file: file.storage.delete(file.name))


def anonymise_casework(*, complaint_id: int) -> dict[str, int]:
    with transaction.atomic():
        hearings = Hearing.objects.filter(complaint_id=complaint_id)
        for hearing in hearings:
            hearing.answer_attachments.clear()  # the files themselves go with the complaint's attachments
        hearing_count = hearings.update(facts=ANONYMISED_TEXT, answer="", extension_reason="", extension_refusal="")
        decisions = list(Decision.objects.filter(complaint_id=complaint_id))
        _delete_on_commit([decision.pdf for decision in decisions])
        for decision in decisions:
            # A text the database requires stays present, as the placeholder; an empty one stays empty.
            for field in DECISION_TEXTS:
                if getattr(decision, field):
                    setattr(decision, field, ANONYMISED_TEXT)
        Decision.objects.bulk_update(decisions, DECISION_TEXTS)
        Decision.objects.filter(complaint_id=complaint_id).update(pdf="")
        reassessments = Reassessment.objects.filter(complaint_id=complaint_id)
        _delete_on_commit([reassessment.klagepakke for reassessment in reassessments])
        reassessment_count = reassessments.update(grounds=ANONYMISED_TEXT, klagepakke="")
    return {"hearings": hearing_count, "decisions": len(decisions), "reassessments": reassessment_count}
