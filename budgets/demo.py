"""The demo participatory budget, from the minutes' punkt 123 (trials with borgerbudgettering):
"Borgerbudget Holbæk By 2027", 500.000 kr., in its voting phase, with feasible and unfeasible projects.

The demo citizens live in Holbæk (postcode 4300), so they may vote; borger2@example.dk has not voted yet.
The budget was run through its services (proposals, review, publishing) and then given its real dates.
Idempotent: run it again and nothing doubles.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.models import Committee, User
from budgets import services
from budgets.models import Budget
from ideas import services as idea_services

KR = 100
SLUG = "holbaek-by-2027"
CITIZENS = ["borger@example.dk", "borger2@example.dk", "borger3@example.dk", "borger4@example.dk"]

# title, description, proposer, estimate (kr.), place, municipal cost (kr.) or None with the public reason
PROJECTS = [
    (
        "Ny legeplads i Østre Anlæg",
        "Legepladsen i Østre Anlæg er slidt op. En ny legeplads med gynger, klatrestativ og bænke til de voksne.",
        "borger@example.dk",
        250_000,
        "Østre Anlæg",
        280_000,
    ),
    (
        "Bænke og læ langs havnefronten",
        "Ti bænke med læskærme langs havnefronten, så ældre og gangbesværede kan hvile sig på turen.",
        "borger3@example.dk",
        60_000,
        "Havnefronten",
        75_000,
    ),
    (
        "Lys på stien til Holbæk Station",
        "Stien fra Ahlgade til stationen er mørk om vinteren. Lamper langs stien gør den tryg at gå på.",
        "borger4@example.dk",
        150_000,
        "Stien mellem Ahlgade og stationen",
        180_000,
    ),
    (
        "Overdækket cykelparkering ved biblioteket",
        "Plads til 60 cykler under tag ved Holbæk Bibliotek, med stativer man kan låse cyklen fast til.",
        "borger2@example.dk",
        90_000,
        "Holbæk Bibliotek",
        110_000,
    ),
    (
        "Gratis parkering i hele midtbyen",
        "Fjern parkeringsafgiften i midtbyen, så flere handler lokalt.",
        "borger4@example.dk",
        400_000,
        "Midtbyen",
        "Parkeringsafgifterne fastsættes af byrådet i budgettet; et borgerbudget kan ikke ændre kommunens takster.",
    ),
    (
        "Badebro ved Strandparken",
        "En badebro, så man kan bade fra Strandparken hele sommeren.",
        "borger3@example.dk",
        300_000,
        "Strandparken",
        "Kræver tilladelse fra Kystdirektoratet, som tager over et år, og koster efter kommunens overslag mere "
        "end hele borgerbudgettet.",
    ),
]


def seed() -> None:
    if Budget.objects.filter(slug=SLUG).exists():
        return
    committee = Committee.objects.get(slug="projektudvalget-demokratieksperimentariet")
    secretary = User.objects.get(email="sekretaer@example.dk")
    User.objects.filter(email__in=CITIZENS).update(postcode="4300")
    people = {user.email: user for user in User.objects.filter(email__in=CITIZENS)}
    today = timezone.localdate()
    budget = services.create_budget(
        actor=secretary,
        committee=committee,
        title="Borgerbudget Holbæk By 2027",
        slug=SLUG,
        description=(
            "Borgerne i Holbæk By bestemmer, hvad 500.000 kr. skal bruges til i 2027. Alle kunne foreslå "
            "projekter; kommunen har vurderet, om de kan gennemføres, og hvad de koster. Nu stemmer I: vælg "
            "de projekter, I vil have, for op til 500.000 kr. i alt."
        ),
        total=500_000 * KR,
        voting_rule=Budget.VotingRule.KNAPSACK,
        area="Holbæk By",
        eligible_postcodes=["4300"],
        collect_from=today,
        collect_until=today + timedelta(days=1),
        vote_from=today + timedelta(days=2),
        vote_until=today + timedelta(days=3),
    )
    projects = []
    for title, description, proposer, estimate, place, review in PROJECTS:
        project = services.propose_project(
            author=people[proposer],
            budget=budget,
            title=title,
            description=description,
            estimated_cost=estimate * KR,
            location=place,
            notify_progress=True,
        )
        projects.append((project, review))
    for supporter in ("borger@example.dk", "borger2@example.dk", "borger3@example.dk"):
        idea_services.support_idea(user=people[supporter], idea=projects[1][0].idea)
    idea_services.post_comment(
        author=people["borger2@example.dk"],
        idea=projects[2][0].idea,
        body="Ja tak – jeg cykler der hver morgen, og det er helt mørkt i december.",
    )
    services.close_phase(actor=secretary, budget=budget)
    for project, review in projects:
        if isinstance(review, int):
            services.review_project(
                actor=secretary, project=project, feasibility="feasible", municipal_cost=review * KR
            )
        else:
            services.review_project(actor=secretary, project=project, feasibility="unfeasible", reason=review)
    services.publish_review(actor=secretary, budget=budget)
    # The history: proposals were collected last month, voting opened a week ago and runs three weeks more.
    Budget.objects.filter(id=budget.id).update(
        collect_from=today - timedelta(days=60),
        collect_until=today - timedelta(days=30),
        vote_from=today - timedelta(days=7),
        vote_until=today + timedelta(days=21),
        implementation_from=today + timedelta(days=60),
    )
    budget.refresh_from_db()
    feasible = [project for project, review in projects if isinstance(review, int)]
    services.submit_ballot(
        voter=people["borger3@example.dk"], budget=budget, project_ids=[feasible[1].id, feasible[2].id]
    )
    services.submit_ballot(
        voter=people["borger4@example.dk"],
        budget=budget,
        project_ids=[feasible[0].id, feasible[1].id],
        notify_progress=True,
    )
    services.record_paper_ballots(
        actor=secretary,
        budget=budget,
        counts={feasible[0].id: 4, feasible[2].id: 6, feasible[3].id: 3},
        source="Borgermøde på Holbæk Bibliotek",
    )
