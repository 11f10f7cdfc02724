"""Server time of the committee's theme page and of the hourly escalation job, next to bare queries.

    python bench/escalations.py [--runs 50] [--theme vej-og-trafik]

Run on a generated municipality (bench/generate_municipality.py: 100,000 complaints, 50,000 ideas, 500,000
supports). In this process, against the database named by DATABASE_URL, it measures
- the theme page and its JSON through Django's request handler (server time, no network), as a member of
  the committee, next to a bare `SELECT COUNT(*)` of the theme's complaints of the same 26 weeks; the
  page reads the counts the 15-minute job stores, and the top ideas and excerpts live; counting the
  theme live (as for merged themes) is measured too;
- the escalation job (every committee following every theme), next to a bare `SELECT COUNT(*)` of the
  themed complaints and ideas of the window it reads. The first run writes the escalations it finds;
  the timed runs find them written and only read, as the hourly job does most hours.
"""

import argparse
import statistics
import time

from common import percentile, setup_django


def timed(function, runs: int) -> tuple[float, float]:
    function()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), percentile(samples, 0.99)


def report(label: str, p50: float, p99: float, baseline: float | None = None) -> None:
    ratio = f"  ratio p50 {p50 / baseline:5.1f}×" if baseline else ""
    print(f"{label:50} p50 {p50:8.1f} ms  p99 {p99:8.1f} ms{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--theme", default="vej-og-trafik")
    args = parser.parse_args()
    setup_django()
    from datetime import timedelta

    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from accounts.models import Committee, CommitteeMembership, User
    from complaints.models import Complaint
    from escalations.models import Escalation, EscalationSettings
    from escalations.selectors import theme_overview
    from escalations.services import escalate_themes, refresh_theme_counts
    from ideas.models import Idea
    from themes.models import Theme

    settings.ALLOWED_HOSTS = ["testserver"]
    theme = Theme.objects.get(slug=args.theme)
    committee = Committee.objects.order_by("id").first()
    member, _created = User.objects.get_or_create(email="bench-member@example.dk", defaults={"full_name": "Bench"})
    CommitteeMembership.objects.get_or_create(user=member, committee=committee, defaults={"role": "member"})
    for each in Committee.objects.all():
        EscalationSettings.objects.get_or_create(committee=each)  # defaults: 5 in 30 days, every active theme
    client = Client()
    client.force_login(member)
    now = timezone.now()
    print(
        f"{Complaint.objects.count()} complaints, {Idea.objects.count()} ideas, "
        f"{Committee.objects.count()} committees following {Theme.objects.filter(active=True).count()} themes"
    )

    started = time.perf_counter()
    refresh_theme_counts()
    print(f"Theme counts for every active theme refreshed in {time.perf_counter() - started:.2f} s")
    of_theme = Complaint.objects.filter(themes=theme, created_at__gt=now - timedelta(weeks=26))
    print(f"Theme page for »{theme.name}« ({of_theme.count()} complaints in 26 weeks), {args.runs} runs each:")
    base, base99 = timed(of_theme.count, args.runs)
    report("baseline: SELECT COUNT(*) of its complaints", base, base99)
    for label, url in (
        ("theme page", f"/udvalg/{committee.slug}/emner/{theme.slug}/"),
        ("theme JSON", f"/api/committees/{committee.slug}/themes/{theme.slug}/"),
    ):
        report(label, *timed(lambda url=url: client.get(url).content, args.runs), baseline=base)
    report(
        "theme counted live (no stored counts: merged themes)",
        *timed(lambda: theme_overview(themes=[theme], now=timezone.now()), args.runs),
        baseline=base,
    )

    since = now - timedelta(days=60)
    themed = (
        Complaint.themes.through.objects.filter(complaint__created_at__gt=since).count,
        Idea.themes.through.objects.filter(idea__created_at__gt=since).count,
    )
    started = time.perf_counter()
    created = escalate_themes()
    print(f"Escalation job: the first run wrote {len(created)} escalations in {(time.perf_counter() - started):.2f} s")
    base, base99 = timed(lambda: [count() for count in themed], args.runs)
    report("baseline: SELECT COUNT(*) of themed items, 60 days", base, base99)
    report("escalate_themes() (nothing new to write)", *timed(escalate_themes, args.runs), baseline=base)
    print(f"{Escalation.objects.count()} escalations stored")


if __name__ == "__main__":
    main()
