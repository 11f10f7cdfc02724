"""Anonymising closed cases past their retention period, and deciding citizens' requests for erasure.

Both use one machinery, anonymise_case: the case's own data through complaints, its legal track through
casework, the access requests about it through access_requests, and a line in the log.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from access_requests.services import anonymise_requests_about, anonymise_requests_by
from accounts.models import User
from accounts.services import anonymise_account, erased_person, record_staff_action
from casework.anonymisation import anonymise_casework
from complaints.anonymisation import anonymise_complaint, discard_drafts
from complaints.models import Complaint
from complaints.selectors import access_complaint_by_id, closed_complaint_ids
from notifications.services import anonymise_mail_and_notices, tell
from retention.models import AnonymisationLog, ErasureRequest, RetentionPeriod
from retention.permissions import can_decide_erasure_request
from retention.selectors import cases_of


def anonymise_case(
    *, complaint_id: int, reason: str, rule: str = "", actor: User | None = None
) -> AnonymisationLog | None:
    """Anonymise one closed case and log it; None when there was nothing to do. Safe to run twice."""
    with transaction.atomic():
        person = erased_person()
        removed = anonymise_complaint(complaint_id=complaint_id, erased_person=person)
        if removed is None:
            return None
        removed |= anonymise_casework(complaint_id=complaint_id)
        removed["access_requests"] = anonymise_requests_about(complaint_id=complaint_id, erased_person=person)
        return AnonymisationLog.objects.create(
            complaint_id=complaint_id, reason=reason, rule=rule[:300], removed=removed, actor=actor
        )


def _years_before(now: datetime, years: int) -> datetime:
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def anonymise_expired_cases(*, now: datetime | None = None, limit: int = 500) -> int:
    """The beat job: every closed case whose retention period (its KLE subject's, else its department's) has
    run out since it closed. Safe to run twice: an anonymised case is not found again."""
    now = now or timezone.now()
    periods = list(RetentionPeriod.objects.select_related("kle_subject", "department"))
    kle_with_period = [p.kle_subject_id for p in periods if p.kle_subject_id]
    done = 0
    for period in periods:
        cutoff = _years_before(now, period.years)
        if period.kle_subject_id:
            ids = closed_complaint_ids(closed_before=cutoff, kle_subject_id=period.kle_subject_id)
            rule = f"KLE {period.kle_subject.number}: {period.years} år"
        else:
            ids = closed_complaint_ids(
                closed_before=cutoff, department_id=period.department_id, excluding_kle_subject_ids=kle_with_period
            )
            rule = f"{period.department.name}: {period.years} år"
        for complaint_id in list(ids[: limit - done]):
            done += (
                anonymise_case(complaint_id=complaint_id, reason=AnonymisationLog.Reason.RETENTION, rule=rule)
                is not None
            )
        if done >= limit:
            break
    return done


def request_erasure(*, citizen: User, complaint_id: int | None, reason: str = "") -> ErasureRequest:
    """The citizen asks to have her data erased (GDPR art. 17): in her case `complaint_id`, or, with None, all
    of it (every case of hers, then her account)."""
    complaint = None
    if complaint_id is not None:
        try:
            complaint = access_complaint_by_id(user=citizen, complaint_id=complaint_id)
        except Http404:  # not hers or not there: the same answer
            complaint = None
        if complaint is None or complaint.citizen_id != citizen.id:
            raise ValidationError({"complaint": [_("Sagen findes ikke, eller den er ikke din.")]})
    elif citizen.is_employee:
        raise ValidationError({"reason": [_("En medarbejders konto slettes af en administrator.")]})
    if len(reason) > 2000:
        raise ValidationError({"reason": [_("Teksten må højst være på 2000 tegn.")]})
    try:
        with transaction.atomic():
            erasure_request = ErasureRequest.objects.create(
                citizen=citizen,
                scope=ErasureRequest.Scope.CASE if complaint else ErasureRequest.Scope.ALL,
                complaint=complaint,
                reference=complaint.reference if complaint else "",
                reason=reason.strip(),
            )
    except IntegrityError:
        if complaint is not None:
            raise ValidationError({"complaint": [_("Du har allerede bedt om sletning i denne sag.")]}) from None
        raise ValidationError({"reason": [_("Du har allerede bedt om at få alle dine oplysninger slettet.")]}) from None
    return erasure_request


def decide_erasure(
    *, actor: User, erasure_request: ErasureRequest, erase: bool, grounds: str = "", keep: dict[int, str] | None = None
) -> ErasureRequest:
    """Erase (the same anonymisation as retention), or keep, with the grounds in law the citizen is shown (e.g. a
    case still open, or one the archives act requires kept).

    For all her data, `keep` names the cases the law keeps, each with its grounds (a case still open must be
    among them); every other case of hers is anonymised, and when none is kept her account, her e-mails and
    her notices go too (the figures' anonymous facts stay). A kept case keeps her name, so then the account
    stays, and the citizen is told which cases were kept and why."""
    if not can_decide_erasure_request(actor, erasure_request):
        raise PermissionDenied
    grounds = grounds.strip()
    keep = {complaint_id: text.strip() for complaint_id, text in (keep or {}).items() if text.strip()}
    if not erase and not grounds:
        raise ValidationError({"grounds": [_("Skriv, hvorfor loven kræver, at sagen bevares.")]})
    if len(grounds) > 4000 or any(len(text) > 4000 for text in keep.values()):
        raise ValidationError({"grounds": [_("Begrundelsen må højst være på 4000 tegn.")]})
    with transaction.atomic():
        locked = (
            ErasureRequest.objects.select_for_update(of=("self",))
            .select_related("complaint", "citizen")
            .get(id=erasure_request.id)
        )
        if locked.status != ErasureRequest.Status.REQUESTED:
            raise ValidationError({"grounds": [_("Anmodningen er allerede afgjort.")]})
        status = ErasureRequest.Status.ERASED if erase else ErasureRequest.Status.KEPT
        if erase and locked.scope == ErasureRequest.Scope.CASE:
            if locked.complaint.status != Complaint.Status.CLOSED:
                raise ValidationError(
                    {"grounds": [_("Sagen er ikke afsluttet: den kan ikke slettes, mens den behandles.")]}
                )
            _anonymise_for_erasure(complaint_id=locked.complaint_id, actor=actor)
        elif erase:
            cases = list(cases_of(citizen=locked.citizen))
            still_open = {
                f"keep_{case.id}": [_("Sagen er ikke afsluttet: skriv, hvorfor den bevares.")]
                for case in cases
                if case.status != Complaint.Status.CLOSED and case.id not in keep
            }
            if still_open:
                raise ValidationError(still_open)
            for case in cases:
                if case.id not in keep:
                    _anonymise_for_erasure(complaint_id=case.id, actor=actor)
            locked.kept_cases = [
                {"reference": case.reference, "grounds": keep[case.id]} for case in cases if case.id in keep
            ]
            status = ErasureRequest.Status.PARTLY if locked.kept_cases else ErasureRequest.Status.ERASED
        locked.status = status
        locked.grounds = grounds
        locked.decided_at = timezone.now()
        locked.decided_by = actor
        locked.save()
        record_staff_action(
            actor=actor,
            action="retention.decide_erasure",
            target=locked,
            details={"status": status, "kept": [case["reference"] for case in locked.kept_cases or []]},
        )
        told = _tell_citizen(locked)
        if locked.scope == ErasureRequest.Scope.ALL and status == ErasureRequest.Status.ERASED:
            discard_drafts(citizen_id=locked.citizen_id)
            anonymise_account(user=locked.citizen)
            anonymise_requests_by(requester=locked.citizen)
            locked.citizen.refresh_from_db()
            anonymise_mail_and_notices(user=locked.citizen, keep_email_ids=[told.id] if told else [])
    return locked


def _anonymise_for_erasure(*, complaint_id: int, actor: User) -> None:
    anonymise_case(complaint_id=complaint_id, reason=AnonymisationLog.Reason.ERASURE, rule="GDPR art. 17", actor=actor)


def _tell_citizen(erasure_request: ErasureRequest):
    """E-mail and a notice; the e-mail (returned) is what still reaches her after all her data are erased."""
    citizen = erasure_request.citizen
    url = reverse("retention:erasure-detail", args=[erasure_request.id])
    return tell(
        user=citizen,
        title=TITLE,
        url=url,
        template="retention/email/erasure_decided.txt",
        context={"erasure_request": erasure_request, "url": url},
        key=f"erasure-decided-{erasure_request.id}",
    ).email


TITLE = gettext_lazy("Din anmodning om sletning er afgjort")
