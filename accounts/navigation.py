"""What the header's menu shows each role, and where each role lands after logging in.

The menu shows only what the role uses: the public sees the participation pages, a citizen her own cases
too, a caseworker the inbox and the staff tools her permissions open, a committee's secretary her
committee's queue. The menu names URLs only, so it imports no app above accounts.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import CommitteeMembership
from accounts.selectors import active_committee_memberships, department_ids_of, kept_for_request


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str


def _public() -> list[MenuItem]:
    return [
        MenuItem(_("Idétavler"), reverse("ideas:board-list")),
        MenuItem(_("Høringer"), reverse("hearings:list")),
        MenuItem(_("Udvalg"), reverse("committees:list")),
        MenuItem(_("Arrangementer"), reverse("events:list")),
    ]


def _committee_memberships(user) -> list[CommitteeMembership]:
    def read() -> list[CommitteeMembership]:
        memberships = active_committee_memberships().filter(user_id=user.id).select_related("committee")
        return list(memberships.order_by("committee__name"))

    return kept_for_request(user, "committee_memberships", read)


def _is_department_staff(user) -> bool:
    return user.is_staff or bool(department_ids_of(user=user))


def main_menu(user) -> list[MenuItem]:
    """The header's menu for this user, in order."""
    if not user.is_authenticated:
        return _public()
    if not user.is_employee:
        return [
            MenuItem(_("Mine klager"), reverse("complaints:list")),
            *_public(),
            MenuItem(_("Fuldmagter"), reverse("complaints:representations")),
            MenuItem(_("Aktindsigt"), reverse("access_requests:list")),
            MenuItem(_("Underretninger"), reverse("notice-list")),
            MenuItem(_("Mine data"), reverse("access-log")),
            MenuItem(_("Min profil"), reverse("profile")),
        ]
    items = []
    if _is_department_staff(user):
        items.append(MenuItem(_("Opgaver"), reverse("complaints:inbox")))
    if user.is_moderator:  # the queue is the moderators' alone (ideas.moderate); a department gives no access to it
        items.append(MenuItem(_("Moderation"), reverse("ideas:moderation")))
    if user.has_perm("accounts.assist_citizens"):
        items.append(MenuItem(_("Borgerservice"), reverse("complaints:assisted-list")))
    if user.has_perm("themes.manage_theme"):
        items.append(MenuItem(_("Emner"), reverse("themes:list")))
    for membership in _committee_memberships(user):
        if membership.role == CommitteeMembership.Role.SECRETARY:
            url = reverse("committees:proposals", kwargs={"slug": membership.committee.slug})
            items.append(MenuItem(_("Forslag til %(committee)s") % {"committee": membership.committee.name}, url))
    items.append(MenuItem(_("Udvalg"), reverse("committees:list")))
    items.append(MenuItem(_("Høringer"), reverse("hearings:list")))
    if _is_department_staff(user):
        items.append(MenuItem(_("Aktindsigt"), reverse("access_requests:list")))
        items.append(MenuItem(_("Sletning"), reverse("retention:overview")))
    items.append(MenuItem(_("Underretninger"), reverse("notice-list")))
    items.append(MenuItem(_("Min profil"), reverse("profile")))
    if user.is_staff:
        items.append(MenuItem(_("Administration"), reverse("admin:index")))
    return items


def start_url(user) -> str:
    """Where the role lands after logging in: the caseworker's inbox, the secretary's queue, the moderator's
    queue, the citizen's cases."""
    if not user.is_authenticated:
        return reverse("home")
    if not user.is_employee:
        return reverse("complaints:list")
    if department_ids_of(user=user):
        return reverse("complaints:inbox")
    memberships = _committee_memberships(user)
    for membership in memberships:
        if membership.role == CommitteeMembership.Role.SECRETARY:
            return reverse("committees:proposals", kwargs={"slug": membership.committee.slug})
    if memberships:
        return reverse("committees:detail", kwargs={"slug": memberships[0].committee.slug})
    if user.is_moderator and not user.is_superuser:
        return reverse("ideas:moderation")
    if user.is_staff:
        return reverse("admin:index")
    return reverse("home")
