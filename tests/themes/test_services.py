"""Managing themes and training and using the suggestion model."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from demo.texts import labelled_examples
from themes import services, sources
from themes.models import SuggestionModel, Theme


@pytest.fixture
def admin_user(db):
    from tests.conftest import make_user

    return make_user("admin@example.dk", "Administrator", is_staff=True)


@pytest.mark.parametrize("who", ["lead", "secretary", "admin_user"])
def test_leads_secretaries_and_administrators_manage_themes(request, who):
    actor = request.getfixturevalue(who)
    theme = services.create_theme(actor=actor, name="  Ældrepleje og hjemmehjælp ", description="Hjemmehjælp")
    assert theme.name == "Ældrepleje og hjemmehjælp"
    assert theme.slug == "aeldrepleje-og-hjemmehjaelp"
    assert theme.active
    services.update_theme(actor=actor, theme=theme, name="Ældrepleje", description="", active=False)
    theme.refresh_from_db()
    assert (theme.name, theme.slug, theme.active) == ("Ældrepleje", "aeldrepleje-og-hjemmehjaelp", False)


@pytest.mark.parametrize("who", ["citizen", "caseworker", "other_caseworker"])
def test_others_may_not_manage_themes(request, who):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.create_theme(actor=actor, name="Vej og trafik")
    theme = Theme.objects.create(name="Vej og trafik", slug="vej-og-trafik")
    with pytest.raises(PermissionDenied):
        services.update_theme(actor=actor, theme=theme, name="Veje", description="", active=True)
    assert Theme.objects.get().name == "Vej og trafik"


@pytest.mark.parametrize(
    ("name", "field"), [("", "name"), ("   ", "name"), ("x" * 101, "name"), ("vej OG trafik", "name")]
)
def test_bad_theme_names_are_refused(lead, name, field):
    Theme.objects.create(name="Vej og trafik", slug="vej-og-trafik")
    with pytest.raises(ValidationError) as error:
        services.create_theme(actor=lead, name=name)
    assert field in error.value.message_dict
    assert Theme.objects.count() == 1


def test_slugs_stay_unique(lead):
    Theme.objects.create(name="Andet", slug="skole")
    assert services.create_theme(actor=lead, name="Skole").slug == "skole-2"


def test_training_needs_two_themes_with_enough_examples(demo_themes):
    road = demo_themes["vej-og-trafik"].id
    assert services.train_suggestion_model(examples=[("Huller i vejen", [road])] * 50) is None
    assert not SuggestionModel.objects.exists()


def test_training_stores_a_measured_model_that_suggests_active_themes(demo_themes, settings):
    ids = {slug: theme.id for slug, theme in demo_themes.items()}
    examples = [(text, [ids[s] for s in slugs]) for text, slugs in labelled_examples(300, seed=1)]
    model = services.train_suggestion_model(examples=examples)
    assert model.examples == 300
    assert model.holdout == 60
    assert model.themes == len(demo_themes)
    assert model.top1_accuracy > 0.5
    assert 0 < model.micro_f1 <= 1
    text = "Skraldespanden er ikke blevet tømt, og storskraldet står stadig på fortovet."
    suggested = services.suggest_themes(text=text)
    assert suggested[0][0] == demo_themes["affald"]
    assert all(0 < score <= 1 for _theme, score in suggested)
    assert [score for _t, score in suggested] == sorted((score for _t, score in suggested), reverse=True)

    Theme.objects.filter(slug="affald").update(active=False)
    assert demo_themes["affald"] not in [theme for theme, _score in services.suggest_themes(text=text)]


def test_no_model_no_suggestion(demo_themes):
    assert services.suggest_themes(text="Huller i vejen") == []


def test_blank_text_gets_no_suggestion(suggestion_model):
    assert services.suggest_themes(text="   ") == []


def test_a_newer_model_replaces_the_one_in_use_and_old_ones_are_pruned(suggestion_model, demo_themes):
    road, waste = demo_themes["vej-og-trafik"].id, demo_themes["affald"].id
    assert services.suggest_themes(text="Huller i vejen")[0][0].slug == "vej-og-trafik"
    # A (silly) model that has learnt the opposite: the newest model is the one that answers.
    examples = [("huller i vejen", [waste])] * 10 + [("skraldespand tømt", [road])] * 10
    for _ in range(services.KEEP_MODELS + 1):
        services.train_suggestion_model(examples=examples)
    assert services.suggest_themes(text="huller i vejen")[0][0].slug == "affald"
    assert SuggestionModel.objects.count() == services.KEEP_MODELS


def test_training_gathers_examples_from_registered_sources(demo_themes, monkeypatch):
    ids = {slug: theme.id for slug, theme in demo_themes.items()}
    examples = [(text, [ids[s] for s in slugs]) for text, slugs in labelled_examples(120, seed=2)]
    calls = []

    def source(limit):
        calls.append(limit)
        return examples

    monkeypatch.setattr(sources, "_sources", {"test": source})
    model = services.train_suggestion_model()
    assert calls == [20_000]
    assert model.examples == 120


def test_only_theme_managers_may_ask_for_training_now(citizen, caseworker, lead, django_capture_on_commit_callbacks):
    from themes.services import request_model_training

    for refused in (citizen, caseworker):
        with django_capture_on_commit_callbacks() as callbacks, pytest.raises(PermissionDenied):
            request_model_training(actor=refused)
        assert callbacks == []
    with django_capture_on_commit_callbacks() as callbacks:
        request_model_training(actor=lead)
    assert len(callbacks) == 1
