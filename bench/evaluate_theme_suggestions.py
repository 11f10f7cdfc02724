"""How well the theme suggestion does: top-1 accuracy and micro-F1 on a held-back share.

    python bench/evaluate_theme_suggestions.py                 # the themed complaints in the database
    python bench/evaluate_theme_suggestions.py --generated 20000   # generated texts, no database rows needed

The baseline is the best one can do without reading the text: always suggesting the most frequent theme.
"""

import argparse
import collections
import time

from common import setup_django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--generated", type=int, default=0, help="use this many generated texts instead of the database"
    )
    parser.add_argument("--limit", type=int, default=20_000, help="at most this many examples from the database")
    parser.add_argument("--holdout", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    setup_django()
    from django.conf import settings

    from demo.texts import labelled_examples
    from themes import classifier
    from themes.sources import gather_examples

    if args.generated:
        slugs = sorted({slug for _text, labels in labelled_examples(200) for slug in labels})
        ids = {slug: i for i, slug in enumerate(slugs)}
        examples = [(t, [ids[s] for s in labels]) for t, labels in labelled_examples(args.generated, seed=args.seed)]
        source = f"{args.generated} generated texts"
    else:
        examples = gather_examples(limit_per_source=args.limit)
        source = f"{len(examples)} themed items from the database"
    training, held_back = classifier.split(examples, holdout_share=args.holdout, seed=args.seed)
    started = time.perf_counter()
    model = classifier.train(training)
    trained = time.perf_counter() - started
    started = time.perf_counter()
    metrics = classifier.evaluate(
        model, held_back, min_score=settings.THEME_SUGGESTION_MIN_SCORE, max_themes=settings.THEME_SUGGESTION_MAX
    )
    per_text_ms = (time.perf_counter() - started) / max(1, len(held_back)) * 1000
    frequent = collections.Counter(t for _text, labels in training for t in labels).most_common(1)[0][0]
    baseline = sum(frequent in labels for _text, labels in held_back) / len(held_back)
    print(f"source: {source}; trained on {len(training)}, held back {len(held_back)}, {len(model.theme_ids)} themes")
    print(f"top-1 accuracy: {metrics.top1_accuracy:.3f}   (most frequent theme, without reading: {baseline:.3f})")
    print(f"micro-F1:       {metrics.micro_f1:.3f}")
    print(f"training {trained:.1f} s; suggesting {per_text_ms:.2f} ms per text (batch)")


if __name__ == "__main__":
    main()
