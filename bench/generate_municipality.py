"""Fill the database named by DATABASE_URL with a generated municipality (demo mode only).

    DEMO=1 DATABASE_URL=postgres://…/bench python bench/generate_municipality.py   # 100,000 complaints, 50,000 ideas
    DEMO=1 DATABASE_URL=… python bench/generate_municipality.py --complaints 2000 --years 1    # a small one

Then updates the planner's statistics, computes the service figures, and trains the theme suggestion model
on it (--no-train to skip).
Use an empty database made for it: the generated people and complaints stay.
"""

import argparse
import time

from common import setup_django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--ideas", type=int, default=50_000)
    parser.add_argument("--supports", type=int, default=500_000)
    parser.add_argument("--years", type=float, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--no-train", action="store_true", help="do not train the theme suggestion model")
    args = parser.parse_args()
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from demo.municipality import generate
    from figures.services import refresh_service_figures
    from themes.services import train_suggestion_model

    if not settings.DEMO:
        raise SystemExit("Generated people exist only in demo mode: set DEMO=1.")
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    counts = generate(
        complaints=args.complaints,
        ideas=args.ideas,
        supports=args.supports,
        years=args.years,
        seed=args.seed,
        batch_size=args.batch_size,
        log=print,
    )
    print(f"generated in {time.perf_counter() - started:.0f} s: {counts}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    started = time.perf_counter()
    print(f"service figures: {refresh_service_figures()} rows in {time.perf_counter() - started:.1f} s")
    if not args.no_train:
        started = time.perf_counter()
        model = train_suggestion_model()
        print(
            f"theme suggestion trained in {time.perf_counter() - started:.0f} s on {model.examples} examples; "
            f"held back {model.holdout}: top-1 accuracy {model.top1_accuracy:.3f}, micro-F1 {model.micro_f1:.3f}"
        )


if __name__ == "__main__":
    main()
