from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Klager")

    def ready(self) -> None:
        from accounts.selectors import register_personal_data
        from accounts.services import register_claim_handler
        from complaints.selectors import own_data_of, themed_complaint_examples
        from complaints.services import move_complaints_to_claimer
        from themes.sources import register_example_source

        register_example_source("complaints", themed_complaint_examples)
        register_claim_handler("complaints", move_complaints_to_claimer)
        register_personal_data("complaints", own_data_of)
