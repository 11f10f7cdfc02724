"""Anonymising a closed case: part of complaints' services, kept in its own module because retention and
erasure (the retention app) are its only callers.

What goes: the citizen's identity (the case points to the one erased person instead), every text and file
the case holds (the complaint, its attachments, the contact log, the outcome note, the survey comment, the
thread's messages). What stays: the anonymous facts the service figures are computed from
(complaints.selectors.complaint_facts: department, kind, status, outcome, the times, the early-contact task
and when the contact was made, the survey's rating and answer) and the themes.
"""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from complaints.models import (
    Complaint,
    ComplaintAttachment,
    ComplaintDraft,
    ComplaintDraftFile,
    ComplaintEvent,
    ContactLog,
    Survey,
)
from dialogue.services import ANONYMISED_TEXT, anonymise_thread


def anonymise_complaint(*, complaint_id: int, erased_person: User) -> dict[str, int] | None:
    """Anonymise the closed complaint; what was removed, counted, or None when there was nothing to do
    (already anonymised, not closed, gone). Safe to run twice."""
    with transaction.atomic():
        complaint = Complaint.objects.select_for_update(of=("self",)).filter(id=complaint_id).first()
        if complaint is None or complaint.anonymised_at is not None or complaint.status != Complaint.Status.CLOSED:
            return None
        citizen_id = complaint.citizen_id
        removed = {
            "contact_logs": ContactLog.objects.filter(complaint=complaint).update(
                summary=ANONYMISED_TEXT, next_steps=""
            ),
            "survey_comments": Survey.objects.filter(complaint=complaint).exclude(comment="").update(comment=""),
            "messages": 0,
        }
        if complaint.thread_id:
            removed["messages"] = anonymise_thread(
                thread=complaint.thread, person=complaint.citizen, replacement=erased_person
            )
        attachments = list(ComplaintAttachment.objects.filter(complaint=complaint))
        removed["attachments"] = len(attachments)
        for attachment in attachments:
            # The file goes once the rows are gone for good; a rollback keeps both.
            transaction.on_commit(lambda file=attachment.file: file.storage.delete(file.name))
        ComplaintAttachment.objects.filter(complaint=complaint).delete()
        ComplaintEvent.objects.filter(complaint=complaint, actor_id=citizen_id).update(actor=None)
        ComplaintEvent.objects.filter(complaint=complaint).update(note="")
        complaint.citizen = erased_person
        complaint.subject = ANONYMISED_TEXT
        complaint.description = ANONYMISED_TEXT
        complaint.desired_outcome = ""
        complaint.case_number = ""
        complaint.decision_date = None
        # The preference goes with the number: the database asks for a number when the channel is the phone.
        complaint.contact_channel = Complaint.ContactChannel.EMAIL
        complaint.phone = ""
        complaint.contact_time = ""
        complaint.outcome_note = ""
        complaint.notify_about_decisions = False
        complaint.anonymised_at = timezone.now()
        complaint.save()
    return removed


def discard_drafts(*, citizen_id: int) -> int:
    """Her unsent complaint draft goes with her account (erasure of all her data): the answers, the files. A sent
    draft holds nothing but the complaint it became, which is anonymised as a case."""
    with transaction.atomic():
        files = list(ComplaintDraftFile.objects.filter(draft__citizen_id=citizen_id))
        for draft_file in files:
            transaction.on_commit(lambda file=draft_file.file: file.storage.delete(file.name))
        deleted, _ = ComplaintDraft.objects.filter(citizen_id=citizen_id, complaint__isnull=True).delete()
    return deleted
