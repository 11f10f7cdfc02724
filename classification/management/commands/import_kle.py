from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from classification.services import import_kle


class Command(BaseCommand):
    help = (
        "Import the municipality's own KLE files as KL delivers them (the emneplan and/or the "
        "handlingsfacetter XML). All or nothing: a bad file imports nothing. KLE is licensed by KL and is "
        "never shipped with the product."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, help="KLE-Emneplan and/or KLE-Handlingsfacetter XML files")

    def handle(self, *args, files: list[Path], **options):
        try:
            contents = [path.read_bytes() for path in files]
        except OSError as error:
            raise CommandError(f"Kan ikke læse filen: {error}") from error
        try:
            result = import_kle(files=contents)
        except ValidationError as error:
            raise CommandError("Intet er importeret. " + " ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Importeret: {result.numbers} KLE-numre, {result.facets} handlingsfacetter; "
                f"{result.retired} ikke længere i filen er markeret som udgået."
            )
        )
