"""The demo valgfremme-pulje (punkt 120 of the minutes of 24 March 2015): 75.000 kr. per election.

Two reviewers (puljer@example.dk and sagsbehandler2@example.dk), a round open today, and two
applications in different states: one from Holbæk Ungdomsråd waiting for review, and one from a
citizen already partly granted (so the money left is below 75.000 kr.). Idempotent.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import Department, DepartmentMembership, User
from grants import services
from grants.models import Application, Criterion, Pool, Round
from ideas.models import Association

KR = 100

REVIEWER = ("puljer@example.dk", "Hanne Kristensen")

POOL = {
    "name": "Puljen til valgfremme",
    "purpose": (
        "Borgere og foreninger kan søge støtte til projekter, der får flere til at stemme – især unge, "
        "socialt udsatte borgere og nydanskere. Det at stemme er en vanesag: en høj valgdeltagelse ved ét "
        "valg giver en højere deltagelse ved det næste. Fælles-skaberne hjælper med at søge og støtter de "
        "projekter, der får penge."
    ),
    "criteria": (
        "Projektet skal få flere til at stemme ved valget, nå mindst én af målgrupperne og have et "
        "realistisk budget. Borgere og foreninger står selv som afsendere af budskabet. Mobile stemmebokse "
        "støttes ikke."
    ),
    "decided_by": "Projektudvalget for Demokratieksperimentariet den 24. marts 2015 (punkt 120)",
    "amount_per_round": 75_000 * KR,
    "max_per_application": 25_000 * KR,
}

CRITERIA = ["Får flere til at stemme", "Når unge, socialt udsatte eller nydanskere", "Realistisk budget"]


def _user(email: str, full_name: str) -> User:
    user = User.objects.filter(email=email).first()
    return user or User.objects.create_user(email, DEMO_PASSWORD, full_name=full_name)


def seed() -> None:
    reviewer = _user(*REVIEWER)
    borgerservice = Department.objects.filter(slug="borgerservice").first()
    if borgerservice is not None:
        DepartmentMembership.objects.get_or_create(user=reviewer, department=borgerservice)
    pool, _ = Pool.objects.update_or_create(slug="valgfremme", defaults=POOL)
    pool.reviewers.add(reviewer, *User.objects.filter(email="sagsbehandler2@example.dk"))
    for order, title in enumerate(CRITERIA, start=1):
        Criterion.objects.get_or_create(pool=pool, title=title, defaults={"order": order})
    today = timezone.localdate()
    Round.objects.get_or_create(
        pool=pool,
        title="Europa-Parlamentsvalget 2024",
        defaults={
            "election": Round.Election.EUROPEAN,
            "election_date": today - timedelta(days=900),
            "opens_on": today - timedelta(days=1000),
            "deadline": today - timedelta(days=950),
            "amount": 75_000 * KR,
        },
    )
    current, _ = Round.objects.get_or_create(
        pool=pool,
        title="Folkeafstemningen 2027",
        defaults={
            "election": Round.Election.REFERENDUM,
            "election_date": today + timedelta(days=90),
            "opens_on": today - timedelta(days=14),
            "deadline": today + timedelta(days=45),
            "amount": 75_000 * KR,
        },
    )
    if current.applications.exists():
        return
    start = today + timedelta(days=60)
    association = Association.objects.filter(slug="holbaek-ungdomsraad").first()
    applicant = User.objects.filter(email="borger2@example.dk").first()
    if association is not None and applicant is not None:
        services.start_application(
            applicant=applicant,
            round=current,
            association=association,
            title="Stemmecafé på Holbæk Bibliotek",
            description=(
                "Tre aftener før afstemningen inviterer Ungdomsrådet unge fra 18 år til kaffe og debat med "
                "politikere fra alle partier. Vi viser, hvordan man stemmer, og hvor valgstederne er."
            ),
            target_groups=[Application.TargetGroup.YOUNG],
            amount_applied=18_000 * KR,
            own_contribution=3_000 * KR,
            starts_on=start,
            ends_on=start + timedelta(days=25),
            budget_lines=[
                services.BudgetLineInput(purpose="Leje af lokale og lyd", amount=6_000 * KR),
                services.BudgetLineInput(purpose="Forplejning", amount=7_000 * KR),
                services.BudgetLineInput(purpose="Plakater og annoncer på sociale medier", amount=8_000 * KR),
            ],
            submit=True,
        )
    citizen = _user("borger3@example.dk", "Sofie Nielsen")
    granted = services.start_application(
        applicant=citizen,
        round=current,
        title="Valgbus fra plejehjemmene",
        description=(
            "En minibus kører beboere fra kommunens fire plejehjem til valgstederne på valgdagen, med en "
            "frivillig, der hjælper ind og ud."
        ),
        target_groups=[Application.TargetGroup.VULNERABLE],
        amount_applied=10_000 * KR,
        own_contribution=0,
        starts_on=start,
        ends_on=start + timedelta(days=30),
        budget_lines=[
            services.BudgetLineInput(purpose="Leje af minibus med chauffør", amount=8_000 * KR),
            services.BudgetLineInput(purpose="Forsikring", amount=2_000 * KR),
        ],
        submit=True,
    )
    services.decide_application(
        reviewer=reviewer,
        application=granted,
        outcome=Application.Status.PARTLY_GRANTED,
        amount_granted=8_000 * KR,
        rules_applied="Retningslinjerne for puljen til valgfremme: projektet skal få flere til at stemme og nå "
        "mindst én målgruppe; puljen dækker ikke forsikringer.",
        considerations="Projektet når beboere på plejehjem, som ellers har svært ved at komme til valgstedet. "
        "Forsikringen er en fast udgift, som vognmanden dækker.",
        facts="Der søges 10.000 kr., heraf 2.000 kr. til forsikring. Fire plejehjem deltager.",
    )
