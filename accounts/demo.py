"""The demo municipality's people and organisation, drawn from the 2015 minutes."""

from django.contrib.auth.models import Group, Permission

from accounts.models import (
    MODERATE_PERMISSION,
    Committee,
    CommitteeMembership,
    Council,
    CouncilMembership,
    Department,
    DepartmentMembership,
    User,
)
from accounts.services import store_cpr

DEMO_PASSWORD = "borgerdialog"  # noqa: S105 - demo accounts exist only with DEMO=1

DEPARTMENTS = [
    ("Familiecentret", "familiecentret", "familiecentret@holbaek.example.dk"),
    ("Natur- og Miljøafdelingen", "natur-og-miljo", "natur@holbaek.example.dk"),
    ("Borgerservice", "borgerservice", "borgerservice@holbaek.example.dk"),
    ("Jobcenter Holbæk", "jobcenter", "jobcenter@holbaek.example.dk"),
]

PEOPLE = [
    # The CPR numbers are fictitious test numbers (day 61+), the same the local provider's MitID identities
    # carry (devidp/identities.json): a citizen's first MitID login finds her account by the CPR hash.
    ("borger@example.dk", "Mette Hansen", {"cpr": "6101801234"}),
    ("borger2@example.dk", "Ali Rahimi", {"cpr": "6203854321"}),
    ("paaroerende@example.dk", "Susanne Hansen", {"cpr": "6407552222"}),
    ("borgerservice@example.dk", "Bodil Service", {"department": ("borgerservice", "citizen_service")}),
    ("sagsbehandler@example.dk", "Tina Jepsen", {"department": ("familiecentret", "caseworker")}),
    ("sagsbehandler2@example.dk", "Lars Holm", {"department": ("natur-og-miljo", "caseworker")}),
    ("leder@example.dk", "Birgitte Sørensen", {"department": ("familiecentret", "lead")}),
    ("sekretaer@example.dk", "Karen Munk", {"committee": ("projektudvalget-demokratieksperimentariet", "secretary")}),
    ("admin@example.dk", "Administrator", {"superuser": True}),
    # The one who moderates the idea boards and the hearings' answers (the Moderatorer group); no committee seat.
    ("moderator@example.dk", "Rikke Thomsen", {"moderator": True}),
    # Council members are citizens with a seat (item 123: "Dialog og samarbejde med Råd og Nævn"); the first two
    # log in with MitID too (devidp/identities.json).
    ("aeldreraad@example.dk", "Grethe Olsen", {"cpr": "6605481111", "council": ("aeldreraadet", "chair")}),
    ("handicapraad@example.dk", "Peter Lund", {"cpr": "6709672222", "council": ("handicapraadet", "chair")}),
    ("integrationsraad@example.dk", "Amina Yusuf", {"council": ("integrationsraadet", "member")}),
    ("folkeoplysning@example.dk", "Henrik Vestergaard", {"council": ("folkeoplysningsudvalget", "member")}),
]

COUNCILS = [
    ("Ældrerådet", "aeldreraadet", "Vælges af kommunens borgere over 60 og rådgiver byrådet om ældres forhold."),
    ("Handicaprådet", "handicapraadet", "Rådgiver byrådet om forhold for borgere med handicap."),
    ("Integrationsrådet", "integrationsraadet", "Rådgiver byrådet om integration af nye borgere."),
    ("Folkeoplysningsudvalget", "folkeoplysningsudvalget", "Rådgiver om folkeoplysning, foreninger og lokaler."),
]

COMMITTEE = (
    "Projektudvalget for Demokratieksperimentariet",
    "projektudvalget-demokratieksperimentariet",
    "Demokratieksperimentariet",
)


def seed() -> None:
    departments = {}
    for name, slug, email in DEPARTMENTS:
        departments[slug], _ = Department.objects.update_or_create(slug=slug, defaults={"name": name, "email": email})
    committee, _ = Committee.objects.update_or_create(
        slug=COMMITTEE[1], defaults={"name": COMMITTEE[0], "short_name": COMMITTEE[2]}
    )
    councils = {}
    for name, slug, description in COUNCILS:
        councils[slug], _ = Council.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
    moderators, _ = Group.objects.get_or_create(name="Moderatorer")
    moderators.permissions.add(Permission.objects.get(content_type__app_label="accounts", codename=MODERATE_PERMISSION))
    for email, full_name, roles in PEOPLE:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, DEMO_PASSWORD, full_name=full_name)
        if roles.get("cpr"):
            store_cpr(user=user, cpr=roles["cpr"])
        if roles.get("superuser"):
            User.objects.filter(id=user.id).update(is_staff=True, is_superuser=True)
        if roles.get("moderator"):
            user.groups.add(moderators)
        if "department" in roles:
            slug, role = roles["department"]
            DepartmentMembership.objects.update_or_create(
                user=user, department=departments[slug], defaults={"role": role}
            )
        if "committee" in roles:
            _slug, role = roles["committee"]
            CommitteeMembership.objects.update_or_create(user=user, committee=committee, defaults={"role": role})
        if "council" in roles:
            slug, role = roles["council"]
            CouncilMembership.objects.update_or_create(user=user, council=councils[slug], defaults={"role": role})
