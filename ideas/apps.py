from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "ideas"
    verbose_name = _("Idétavler")

    def ready(self) -> None:
        from accounts.selectors import register_personal_data
        from accounts.services import register_claim_handler
        from ideas.selectors import own_data_of, themed_idea_examples
        from ideas.services import move_ideas_to_claimer
        from themes.sources import register_example_source

        register_example_source("ideas", themed_idea_examples)
        register_claim_handler("ideas", move_ideas_to_claimer)
        register_personal_data("ideas", own_data_of)
