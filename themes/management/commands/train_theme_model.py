from django.core.management.base import BaseCommand

from themes import services


class Command(BaseCommand):
    help = "Train the theme suggestion model on the items staff have themed, and print how well it does."

    def handle(self, *args, **options):
        model = services.train_suggestion_model()
        if model is None:
            self.stdout.write("Too few themed items to train on (at least two themes need enough examples).")
            return
        self.stdout.write(
            f"Trained on {model.examples} examples, {model.themes} themes. "
            f"Held back {model.holdout}: top-1 accuracy {model.top1_accuracy}, micro-F1 {model.micro_f1}."
        )
