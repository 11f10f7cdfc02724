from importlib import import_module
from pathlib import Path

from django.apps import AppConfig, apps
from django.utils.module_loading import module_has_submodule

ROOT = Path(__file__).resolve().parents[1]


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Borgerdialog"

    def ready(self) -> None:
        # Each app's permissions.py registers the rules permissions its doors name (rules.has_perm("app.x", …)):
        # load them all at start-up, so a door that imports nothing from permissions.py still finds its name
        # (an unregistered name is a silent "no").
        for config in apps.get_app_configs():
            if Path(config.path).resolve().is_relative_to(ROOT) and module_has_submodule(config.module, "permissions"):
                import_module(f"{config.name}.permissions")
