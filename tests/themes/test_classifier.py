"""The suggestion learns from themed examples: on held-back generated texts it does far better than chance."""

from demo.texts import THEMES, labelled_examples
from themes import classifier


def _examples(count: int, seed: int):
    ids = {spec.slug: i + 1 for i, spec in enumerate(THEMES)}
    return [(text, [ids[slug] for slug in slugs]) for text, slugs in labelled_examples(count, seed=seed)]


def test_classifier_learns_themes_from_danish_text():
    training, held_back = classifier.split(_examples(600, seed=11), holdout_share=0.25)
    model = classifier.train(training)
    metrics = classifier.evaluate(model, held_back, min_score=0.35, max_themes=3)
    chance = 1 / len(THEMES)
    assert metrics.evaluated == 150
    assert metrics.top1_accuracy > 0.75 > 5 * chance
    assert metrics.micro_f1 > 0.7


def test_texts_never_seen_get_the_obvious_theme():
    ids = {spec.slug: i + 1 for i, spec in enumerate(THEMES)}
    model = classifier.train(_examples(400, seed=3))
    roads = model.suggest("Der er store huller i asfalten, og bilerne kører alt for stærkt.", min_score=0.35,
                          max_themes=3)  # fmt: skip
    care = model.suggest("Min far får ikke sin medicin, fordi hjemmeplejen kommer for sent.", min_score=0.35,
                         max_themes=3)  # fmt: skip
    assert roads[0][0] == ids["vej-og-trafik"]
    assert care[0][0] == ids["aeldrepleje"]
    assert 0 < roads[0][1] <= 1


def test_a_stored_classifier_suggests_the_same():
    model = classifier.train(_examples(200, seed=5))
    again = classifier.loads(classifier.dumps(model))
    text = "Skraldespanden er ikke blevet tømt i tre uger."
    assert again.suggest(text, min_score=0.35, max_themes=3) == model.suggest(text, min_score=0.35, max_themes=3)


def test_the_most_likely_theme_is_always_suggested_and_at_most_max_themes():
    model = classifier.train(_examples(200, seed=5))
    suggested = model.suggest("Hej", min_score=0.99, max_themes=2)
    assert len(suggested) == 1
    assert len(model.suggest("Vejen og skolen og affaldet", min_score=0.0, max_themes=2)) == 2


def test_themes_with_too_few_examples_are_not_trainable():
    examples = [("a", [1]), ("b", [1]), ("c", [2]), ("d", [1, 3])]
    assert classifier.trainable_themes(examples, min_examples=2) == {1}
