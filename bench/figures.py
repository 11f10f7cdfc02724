"""Server time of the public service figures, next to a bare COUNT of the same complaints as the baseline.

    python bench/figures.py [--runs 50] [--year 2025]

Run on a generated municipality (bench/generate_municipality.py). In this process, against the database
named by DATABASE_URL, it measures:
- the doors a visitor uses (page, CSV, JSON) through Django's request handler (server time, no network),
  next to a bare `SELECT COUNT(*)` of the year's complaints;
- the refresh job that computes the stored figures from every complaint (percentiles and all), next to a
  bare `SELECT COUNT(*)` of all complaints.
"""

import argparse
import statistics
import time

from common import percentile, setup_django


def timed(function, runs: int) -> tuple[float, float]:
    function()  # warm up: imports, templates, translations, the database's caches
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), percentile(samples, 0.99)


def report(label: str, p50: float, p99: float, baseline: float | None = None) -> None:
    ratio = f"  ratio p50 {p50 / baseline:5.1f}×" if baseline else ""
    print(f"{label:46} p50 {p50:8.1f} ms  p99 {p99:8.1f} ms{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--refresh-runs", type=int, default=10)
    parser.add_argument("--year", type=int)
    args = parser.parse_args()
    setup_django()
    from datetime import datetime

    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from complaints.models import Complaint
    from figures.selectors import years_with_figures
    from figures.services import refresh_service_figures

    settings.ALLOWED_HOSTS = ["testserver"]
    refresh_service_figures()
    years = years_with_figures()
    year = args.year or (years[1] if len(years) > 1 else years[0])
    tz = timezone.get_current_timezone()
    of_year = Complaint.objects.filter(
        created_at__gte=datetime(year, 1, 1, tzinfo=tz), created_at__lt=datetime(year + 1, 1, 1, tzinfo=tz)
    )
    client = Client()

    def get(url: str):
        def request():
            response = client.get(url, {"year": year})
            assert response.status_code == 200, response.status_code
            return response.content

        return request

    total = Complaint.objects.count()
    print(f"{total} complaints, {of_year.count()} of them in {year}")
    print(f"The public doors ({args.runs} runs each):")
    p50, p99 = timed(of_year.count, args.runs)
    report("baseline: SELECT COUNT(*) of the year", p50, p99)
    for label, url in (("page /servicetal/", "/servicetal/"), ("CSV export", "/servicetal/servicetal.csv"),
                       ("JSON export /api/figures/service/", "/api/figures/service/")):  # fmt: skip
        report(label, *timed(get(url), args.runs), baseline=p50)
    print(f"The refresh job ({args.refresh_runs} runs):")
    p50, p99 = timed(Complaint.objects.count, args.refresh_runs)
    report(f"baseline: SELECT COUNT(*) of all {total}", p50, p99)
    report("refresh_service_figures()", *timed(refresh_service_figures, args.refresh_runs), baseline=p50)


if __name__ == "__main__":
    main()
