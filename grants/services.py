"""Every write on grant pools: applications from draft to decision, reviews, reports and payouts.

Each service checks what the actor may do (grants.permissions), validates with field errors in the
user's language (nothing is stored when anything is wrong) and writes in one transaction.

Money left: a grant locks the round's row (`select_for_update`) before it reads what is left, so two
reviewers granting at once run one after the other and the second is refused if the money ran out; the
check constraint `round_money_left_not_negative` holds the same rule in the database.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from accounts.services import log_personal_data_access, record_staff_action
from core import ratelimit
from core.money import format_kroner
from core.uploads import check_attachment
from dialogue import services as dialogue
from dialogue.models import Participant
from documents.pdf import render_pdf
from documents.text import markdown_tree
from grants.models import (
    TEXT_MAX,
    TITLE_MAX,
    Application,
    ApplicationAttachment,
    BudgetLine,
    Criterion,
    InformationRequest,
    Round,
    Score,
)
from grants.permissions import (
    can_answer_information_request,
    can_decide_application,
    can_edit_application,
    can_record_payout,
    can_report_on_application,
    can_review_application,
    can_withdraw_application,
    is_application_reviewer,
    is_logged_in,
)
from ideas.models import Association
from notifications.services import absolute_url, tell

MAX_BUDGET_LINES = 30

NOTICE_TITLES = {
    "submitted": gettext_lazy("Din ansøgning ”%(title)s” er modtaget"),
    "info_requested": gettext_lazy("Vi mangler oplysninger til din ansøgning ”%(title)s”"),
    "decided": gettext_lazy("Der er truffet afgørelse om din ansøgning ”%(title)s”"),
}


@dataclass(frozen=True)
class BudgetLineInput:
    purpose: str
    amount: int


def _raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def _clean_text(errors: dict, field: str, value: str, *, max_length: int, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        errors.setdefault(field, []).append(_("Feltet skal udfyldes."))
    elif len(value) > max_length:
        errors.setdefault(field, []).append(
            _("Teksten må højst være på %(max)d tegn (den er på %(length)d).")
            % {"max": max_length, "length": len(value)}
        )
    return value


def _tell_applicant(application: Application, *, event: str, key: str, body: str = "", context: dict | None = None):
    """A notice in the product and an e-mail to the applicant, once per event and key (dedupe keys)."""
    url = application.get_absolute_url()
    tell(
        user=application.applicant,
        title=NOTICE_TITLES[event],
        values={"title": application.title},
        body=body[:2000],
        url=url,
        template=f"grants/email/{event}.txt",
        context={"application": application, "link": absolute_url(url), **(context or {})},
        key=f"grant-{event}-{application.id}-{key}",
    )


# Drafts


def _check_sender(errors: dict, *, applicant: User, round: Round, association: Association | None) -> None:
    pool = round.pool
    if association is not None:
        if not pool.associations_may_apply:
            errors["association"] = [_("Puljen kan kun søges af borgere i eget navn.")]
        elif not association.memberships.filter(user=applicant).exists():
            errors["association"] = [_("Du kan kun søge på vegne af en forening, du er medlem af.")]
    elif not pool.citizens_may_apply:
        errors["association"] = [_("Puljen kan kun søges af foreninger. Vælg den forening, du søger for.")]


def _check_amounts(errors: dict, *, round: Round, amount_applied: int, own_contribution: int) -> None:
    limit = round.pool.max_per_application or round.amount
    if amount_applied < 0:
        errors["amount_applied"] = [_("Beløbet kan ikke være negativt.")]
    elif amount_applied > limit:
        errors["amount_applied"] = [_("Du kan højst søge %(limit)s pr. ansøgning.") % {"limit": format_kroner(limit)}]
    if own_contribution < 0:
        errors["own_contribution"] = [_("Beløbet kan ikke være negativt.")]


def _check_dates(errors: dict, *, starts_on: date | None, ends_on: date | None) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = [_("Projektet kan ikke slutte, før det starter.")]


def _clean_lines(errors: dict, lines: list[BudgetLineInput] | None) -> list[BudgetLineInput] | None:
    if lines is None:
        return None
    if len(lines) > MAX_BUDGET_LINES:
        errors["budget_lines"] = [_("Højst %(max)d budgetlinjer.") % {"max": MAX_BUDGET_LINES}]
        return lines
    cleaned = []
    for number, line in enumerate(lines, start=1):
        purpose = (line.purpose or "").strip()
        if not purpose or len(purpose) > TITLE_MAX:
            errors.setdefault("budget_lines", []).append(
                _("Linje %(n)d: skriv, hvad pengene går til (højst %(max)d tegn).") % {"n": number, "max": TITLE_MAX}
            )
        if not isinstance(line.amount, int) or line.amount <= 0:
            errors.setdefault("budget_lines", []).append(
                _("Linje %(n)d: beløbet skal være større end 0 kr.") % {"n": number}
            )
        cleaned.append(BudgetLineInput(purpose=purpose, amount=line.amount))
    return cleaned


DRAFT_FIELDS = (
    "title",
    "description",
    "target_groups",
    "amount_applied",
    "own_contribution",
    "starts_on",
    "ends_on",
    "show_name_publicly",
    "association",
)


def _apply_draft_fields(application: Application, errors: dict, changes: dict) -> None:
    unknown = set(changes) - set(DRAFT_FIELDS)
    if unknown:
        raise ValueError(f"not a draft field: {sorted(unknown)}")
    if "title" in changes:
        application.title = _clean_text(errors, "title", changes["title"], max_length=TITLE_MAX)
    if "description" in changes:
        application.description = _clean_text(
            errors, "description", changes["description"], max_length=TEXT_MAX, required=False
        )
    if "target_groups" in changes:
        groups = list(dict.fromkeys(changes["target_groups"] or []))
        if any(group not in Application.TargetGroup.values for group in groups):
            errors["target_groups"] = [_("Vælg kun blandt de viste målgrupper.")]
        application.target_groups = groups
    for field in ("amount_applied", "own_contribution"):
        if field in changes:
            setattr(application, field, changes[field] or 0)
    for field in ("starts_on", "ends_on", "show_name_publicly"):
        if field in changes:
            setattr(application, field, changes[field])
    if "association" in changes:
        application.association = changes["association"]
    _check_sender(errors, applicant=application.applicant, round=application.round, association=application.association)
    _check_amounts(
        errors,
        round=application.round,
        amount_applied=application.amount_applied,
        own_contribution=application.own_contribution,
    )
    _check_dates(errors, starts_on=application.starts_on, ends_on=application.ends_on)


def _replace_lines(application: Application, lines: list[BudgetLineInput]) -> None:
    application.budget_lines.all().delete()
    BudgetLine.objects.bulk_create(
        BudgetLine(application=application, purpose=line.purpose, amount=line.amount, order=order)
        for order, line in enumerate(lines, start=1)
    )


def start_application(
    *,
    applicant: User,
    round: Round,
    title: str,
    budget_lines: list[BudgetLineInput] | None = None,
    submit: bool = False,
    **fields,
) -> Application:
    """A citizen starts a draft for a round, in her own name or for an association she belongs to.

    With `submit` the draft is sent at once; if it cannot be sent, nothing is stored.
    """
    if not is_logged_in(applicant):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    if today > round.deadline:
        errors["round"] = [_("Ansøgningsfristen for runden var den %(date)s.") % {"date": _date(round.deadline)}]
    application = Application(round=round, applicant=applicant)
    _apply_draft_fields(application, errors, {"title": title, **fields})
    lines = _clean_lines(errors, budget_lines)
    _raise_if(errors)
    ratelimit.check(bucket="grants.apply", user_id=applicant.id)
    with transaction.atomic():
        application.save()
        if lines is not None:
            _replace_lines(application, lines)
        if submit:
            application = submit_application(actor=applicant, application=application)
    return application


def update_draft(
    *, actor: User, application: Application, budget_lines: list[BudgetLineInput] | None = None, **changes
) -> Application:
    """The applicant changes her draft (one step of the form at a time); budget lines are replaced when given."""
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update(of=("self",)).select_related("round__pool").get(id=application.id)
        )
        if not can_edit_application(actor, locked):
            raise PermissionDenied
        errors: dict[str, list[str]] = {}
        _apply_draft_fields(locked, errors, changes)
        lines = _clean_lines(errors, budget_lines)
        _raise_if(errors)
        locked.save()
        if lines is not None:
            _replace_lines(locked, lines)
    return locked


MAX_ATTACHMENTS = 10


def add_attachment(*, actor: User, application: Application, title: str, upload) -> ApplicationAttachment:
    """The applicant attaches a file to her draft (or while she answers a question); checked by content."""
    checked = check_attachment(title=title, upload=upload)
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(id=application.id)
        if not (can_edit_application(actor, locked) or can_answer_information_request(actor, locked)):
            raise PermissionDenied
        if locked.attachments.count() >= MAX_ATTACHMENTS:
            raise ValidationError({"file": [_("Højst %(max)d bilag pr. ansøgning.") % {"max": MAX_ATTACHMENTS}]})
        attachment = ApplicationAttachment(
            application=locked,
            title=checked.title,
            file_name=checked.file_name,
            mime_type=checked.mime_type,
            size=checked.size,
            sha1=checked.sha1,
        )
        attachment.file.save(checked.file_name, upload, save=False)
        name = attachment.file.name
        try:
            attachment.save()
        except Exception:
            attachment.file.storage.delete(name)
            raise
    return attachment


def remove_attachment(*, actor: User, attachment: ApplicationAttachment) -> None:
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(id=attachment.application_id)
        if not (can_edit_application(actor, locked) or can_answer_information_request(actor, locked)):
            raise PermissionDenied
        name = attachment.file.name
        attachment.delete()
        transaction.on_commit(lambda: attachment.file.storage.delete(name))


def _date(value: date) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def completeness_errors(application: Application) -> dict[str, list[str]]:
    """What a draft lacks before it can be submitted (the last step of the form shows the same)."""
    errors: dict[str, list[str]] = {}
    if len(application.description.strip()) < 20:
        errors["description"] = [_("Beskriv projektet med mindst 20 tegn.")]
    if not application.target_groups:
        errors["target_groups"] = [_("Vælg mindst én målgruppe.")]
    if application.amount_applied <= 0:
        errors["amount_applied"] = [_("Skriv, hvor meget du søger.")]
    if not application.starts_on:
        errors["starts_on"] = [_("Skriv, hvornår projektet starter.")]
    if not application.ends_on:
        errors["ends_on"] = [_("Skriv, hvornår projektet slutter.")]
    lines = list(application.budget_lines.all())
    if not lines:
        errors["budget_lines"] = [_("Skriv mindst én budgetlinje: hvad pengene går til, og hvad det koster.")]
    elif sum(line.amount for line in lines) != application.amount_applied + application.own_contribution:
        errors["budget_lines"] = [
            _("Budgettet er på %(total)s, men ansøgt beløb og egenfinansiering er tilsammen %(sum)s. De skal passe.")
            % {
                "total": format_kroner(sum(line.amount for line in lines)),
                "sum": format_kroner(application.amount_applied + application.own_contribution),
            }
        ]
    _check_sender(errors, applicant=application.applicant, round=application.round, association=application.association)
    _check_amounts(
        errors,
        round=application.round,
        amount_applied=application.amount_applied,
        own_contribution=application.own_contribution,
    )
    return errors


def submit_application(*, actor: User, application: Application) -> Application:
    """Send a complete draft before the deadline: a reference, a dialogue thread with the reviewers, a receipt."""
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update(of=("self",)).select_related("round__pool").get(id=application.id)
        )
        if not can_edit_application(actor, locked):
            if locked.applicant_id == actor.id and locked.status != Application.Status.DRAFT:
                raise ValidationError({"status": _("Ansøgningen er allerede sendt.")})
            raise PermissionDenied
        errors = completeness_errors(locked)
        if timezone.localdate() > locked.round.deadline:
            errors["round"] = [
                _("Ansøgningsfristen for runden var den %(date)s.") % {"date": _date(locked.round.deadline)}
            ]
        elif timezone.localdate() < locked.round.opens_on:
            errors["round"] = [_("Runden åbner for ansøgninger den %(date)s.") % {"date": _date(locked.round.opens_on)}]
        _raise_if(errors)
        now = timezone.now()
        locked.status, locked.submitted_at = Application.Status.SUBMITTED, now
        locked.reference = f"{locked.round.pool.slug[:12].upper()}-{now.year}-{locked.id:05d}"
        locked.thread = dialogue.create_thread(
            title=locked.title, subject_url=locked.get_absolute_url(), subject_label=locked.reference
        )
        dialogue.add_participant(thread=locked.thread, user=locked.applicant, role=Participant.Role.CITIZEN)
        for reviewer in locked.round.pool.reviewers.filter(is_active=True):
            if reviewer.id != locked.applicant_id:
                dialogue.add_participant(thread=locked.thread, user=reviewer, role=Participant.Role.STAFF)
        locked.save()
        _tell_applicant(locked, event="submitted", key="receipt")
    return locked


def withdraw_application(*, actor: User, application: Application) -> Application:
    """The applicant takes back a draft or an application not yet decided."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(id=application.id)
        if not can_withdraw_application(actor, locked):
            if locked.applicant_id == actor.id:
                raise ValidationError({"status": _("En afgjort ansøgning kan ikke trækkes tilbage.")})
            raise PermissionDenied
        locked.status, locked.withdrawn_at = Application.Status.WITHDRAWN, timezone.now()
        if locked.submitted_at is None:
            locked.submitted_at = locked.withdrawn_at
        locked.save()
        InformationRequest.objects.filter(application=locked, answered_at__isnull=True).delete()
    return locked


# Review


def reviewer_opens_application(*, reviewer: User, application: Application) -> None:
    """A reviewer reads an application: a staff read of personal data, written to the access log."""
    if is_application_reviewer(reviewer, application) and reviewer.id != application.applicant_id:
        log_personal_data_access(
            viewer=reviewer, subject=application.applicant, what=f"Ansøgning {application.reference or application.id}"
        )


def score_application(
    *, reviewer: User, application: Application, criterion: Criterion, score: int, note: str = ""
) -> Score:
    """A reviewer's internal score (1–5) against one criterion, with a note; scoring again replaces it."""
    if not can_review_application(reviewer, application):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if criterion.pool_id != application.round.pool_id:
        errors["criterion"] = [_("Kriteriet hører ikke til puljen.")]
    if not isinstance(score, int) or not 1 <= score <= 5:
        errors["score"] = [_("Giv mellem 1 og 5 point.")]
    note = _clean_text(errors, "note", note, max_length=TEXT_MAX, required=False)
    _raise_if(errors)
    scored, _created = Score.objects.update_or_create(
        application=application, reviewer=reviewer, criterion=criterion, defaults={"score": score, "note": note}
    )
    return scored


def request_information(*, reviewer: User, application: Application, question: str) -> InformationRequest:
    """Ask the applicant for more: the application goes back to her with the question until she answers."""
    errors: dict[str, list[str]] = {}
    question = _clean_text(errors, "question", question, max_length=TEXT_MAX)
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update(of=("self",))
            .select_related("round__pool", "applicant")
            .get(id=application.id)
        )
        if not can_review_application(reviewer, locked):
            raise PermissionDenied
        if locked.status != Application.Status.SUBMITTED:
            errors["status"] = [_("Ansøgeren har allerede et spørgsmål, hun ikke har svaret på.")]
        _raise_if(errors)
        request = InformationRequest.objects.create(application=locked, asked_by=reviewer, question=question)
        locked.status = Application.Status.INFO_REQUESTED
        locked.save(update_fields=["status", "updated_at"])
        record_staff_action(
            actor=reviewer, action="grants.request_information", target=locked, details={"request_id": request.id}
        )
        _tell_applicant(
            locked, event="info_requested", key=str(request.id), body=question, context={"question": question}
        )
    return request


def answer_information_request(*, actor: User, application: Application, answer: str) -> Application:
    """The applicant answers the question; the application is submitted again and back with the reviewers."""
    errors: dict[str, list[str]] = {}
    answer = _clean_text(errors, "answer", answer, max_length=TEXT_MAX)
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(id=application.id)
        if not can_answer_information_request(actor, locked):
            if locked.applicant_id == actor.id:
                raise ValidationError({"answer": [_("Der er ikke noget spørgsmål at svare på.")]})
            raise PermissionDenied
        _raise_if(errors)
        request = InformationRequest.objects.select_for_update().get(application=locked, answered_at__isnull=True)
        request.answer, request.answered_at = answer, timezone.now()
        request.save(update_fields=["answer", "answered_at", "updated_at"])
        locked.status = Application.Status.SUBMITTED
        locked.save(update_fields=["status", "updated_at"])
    return locked


# Decision


OUTCOMES = (Application.Status.GRANTED, Application.Status.PARTLY_GRANTED, Application.Status.REFUSED)


def decide_application(
    *,
    reviewer: User,
    application: Application,
    outcome: str,
    rules_applied: str,
    considerations: str,
    facts: str,
    amount_granted: int | None = None,
) -> Application:
    """Grant (the amount applied), grant part of it, or refuse, always with written grounds.

    The round's row is locked first, so the money left is read and changed by one grant at a time; a grant
    larger than what is left is refused and nothing changes. The decision letter is stored on the
    application and sent to the applicant (a notice and an e-mail).
    """
    errors: dict[str, list[str]] = {}
    if outcome not in OUTCOMES:
        errors["outcome"] = [_("Vælg bevilling, delvis bevilling eller afslag.")]
    rules_applied = _clean_text(errors, "rules_applied", rules_applied, max_length=TEXT_MAX)
    considerations = _clean_text(errors, "considerations", considerations, max_length=TEXT_MAX)
    facts = _clean_text(errors, "facts", facts, max_length=TEXT_MAX)
    with transaction.atomic():
        round = Round.objects.select_for_update().select_related("pool").get(id=application.round_id)
        locked = (
            Application.objects.select_for_update(of=("self",))
            .select_related("applicant", "association")
            .get(id=application.id)
        )
        locked.round = round
        if not can_decide_application(reviewer, locked):
            if is_application_reviewer(reviewer, locked) and reviewer.id != locked.applicant_id:
                raise ValidationError(
                    {
                        "status": _("Ansøgningen kan ikke afgøres nu. Den er: %(status)s.")
                        % {"status": locked.get_status_display()}
                    }
                )
            raise PermissionDenied
        if outcome == Application.Status.GRANTED:
            amount = locked.amount_applied if amount_granted is None else amount_granted
            if amount != locked.amount_applied:
                errors["amount_granted"] = [
                    _(
                        "En fuld bevilling er på det ansøgte beløb (%(amount)s). "
                        "Vælg delvis bevilling for et mindre beløb."
                    )
                    % {"amount": format_kroner(locked.amount_applied)}
                ]
        elif outcome == Application.Status.PARTLY_GRANTED:
            amount = amount_granted or 0
            if not 0 < amount < locked.amount_applied:
                errors["amount_granted"] = [
                    _("En delvis bevilling skal være mellem 0 kr. og det ansøgte beløb (%(amount)s).")
                    % {"amount": format_kroner(locked.amount_applied)}
                ]
        else:
            amount = 0
        if amount > round.money_left and "amount_granted" not in errors:
            errors["amount_granted"] = [
                _("Der er kun %(left)s tilbage i runden.") % {"left": format_kroner(round.money_left)}
            ]
        _raise_if(errors)
        if amount:
            Round.objects.filter(id=round.id).update(granted_total=F("granted_total") + amount)
            round.granted_total += amount
        locked.status = outcome
        locked.amount_granted = amount or None
        locked.rules_applied, locked.considerations, locked.facts = rules_applied, considerations, facts
        locked.decided_at, locked.decided_by = timezone.now(), reviewer
        locked.decision_letter = decision_letter(locked)
        locked.save()
        record_staff_action(
            actor=reviewer,
            action="grants.decide_application",
            target=locked,
            details={"outcome": outcome, "amount_granted": amount or None},
        )
        _tell_applicant(locked, event="decided", key="decision", context={"letter": locked.decision_letter})
    return locked


def decision_letter(application: Application) -> str:
    """The decision letter (afgørelsesbrev) in the applicant's language, with its grounds and how to complain."""
    with translation.override(application.applicant.language):
        return render_to_string(
            "grants/letters/decision.txt",
            {
                "application": application,
                "pool": application.round.pool,
                "round": application.round,
                "applied": format_kroner(application.amount_applied),
                "granted": format_kroner(application.amount_granted),
                "decided_on": _date(timezone.localdate(application.decided_at)),
            },
        ).strip()


def decision_letter_pdf(application: Application) -> bytes:
    """The stored decision letter as a tagged, archival PDF (documents.pdf), in the applicant's language."""
    language = application.applicant.language
    with translation.override(language):
        heading = _("Afgørelse: %(title)s") % {"title": application.title}
    return render_pdf(
        template="documents/text.typ",
        context={"heading": heading, "body": markdown_tree(application.decision_letter)},
        language=language,
        title=heading,
    )


# After the project


def report_on_project(*, actor: User, application: Application, report: str, amount_spent: int) -> Application:
    """The applicant reports what was done and what the money went to."""
    errors: dict[str, list[str]] = {}
    report = _clean_text(errors, "report", report, max_length=TEXT_MAX)
    if not isinstance(amount_spent, int) or amount_spent < 0:
        errors["amount_spent"] = [_("Skriv, hvor meget der er brugt.")]
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(id=application.id)
        if not can_report_on_application(actor, locked):
            if locked.applicant_id == actor.id:
                raise ValidationError({"report": [_("Der kan kun rapporteres om et projekt, der har fået støtte.")]})
            raise PermissionDenied
        _raise_if(errors)
        locked.report, locked.amount_spent, locked.reported_at = report, amount_spent, timezone.now()
        locked.save(update_fields=["report", "amount_spent", "reported_at", "updated_at"])
    return locked


def record_payout(*, actor: User, application: Application, amount: int) -> Application:
    """A reviewer records what was paid out (at most the amount granted)."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().select_related("round__pool").get(id=application.id)
        if not can_record_payout(actor, locked):
            raise PermissionDenied
        if not isinstance(amount, int) or not 0 < amount <= (locked.amount_granted or 0):
            raise ValidationError(
                {
                    "amount": [
                        _("Udbetalingen skal være mellem 0 kr. og det bevilgede beløb (%(amount)s).")
                        % {"amount": format_kroner(locked.amount_granted)}
                    ]
                }
            )
        locked.amount_paid, locked.paid_at, locked.paid_by = amount, timezone.now(), actor
        locked.save(update_fields=["amount_paid", "paid_at", "paid_by", "updated_at"])
        record_staff_action(actor=actor, action="grants.record_payout", target=locked, details={"amount": amount})
    return locked
