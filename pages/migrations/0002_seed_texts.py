"""The first accessibility statement and privacy notice, for administrators to edit (the newest is shown)."""

import datetime

from django.db import migrations

NOT_COMPLIANT = """\
- PDF-dokumenter, der er lagt op af medarbejdere (fx bilag til dagsordener og scannede fuldmagter), er ikke altid \
tilgængelige. De PDF-filer, Borgerdialog selv danner (dagsordener, referater, breve), er tagget.
- Grafer på siderne med servicetal og emner har en tekst og en tabel med de samme tal ved siden af."""

METHOD = """\
Erklæringen er udarbejdet ved en selvevaluering: automatiske test af hver side med axe-core (WCAG 2.1 A og AA) \
i browseren, ved skærmbredde 375 px og på computerskærm, og gennemgang med tastatur og skærmlæser."""

FEEDBACK = """\
Hvis du oplever problemer med tilgængeligheden, eller har brug for indhold i en anden form, kan du skrive til os. \
Vi svarer inden for 10 arbejdsdage."""

PRIVACY = """\
### Hvem er dataansvarlig
Kommunen er dataansvarlig for de oplysninger, du giver os i Borgerdialog.

### Hvad bruger vi dine oplysninger til
Vi behandler oplysningerne for at behandle din klage, tale med dig om den og svare dig, for at vise dine idéer, \
kommentarer og høringssvar, og for at lave statistik uden navne.

### Retsgrundlag
Vi behandler oplysningerne som led i myndighedsudøvelse (databeskyttelsesforordningens artikel 6, stk. 1, \
litra e, og artikel 9, stk. 2, litra f, for følsomme oplysninger), efter forvaltningsloven og offentlighedsloven.

### Hvem ser dine oplysninger
Medarbejdere i den afdeling, der behandler din sag, og de personer, du selv giver fuldmagt. \
Medarbejderes opslag i dine oplysninger bliver logget, og du kan se loggen under Mine data.

### Hvor længe gemmer vi dem
Så længe sagen behandles, og derefter i den periode, arkivloven og kommunens regler for sletning kræver.

### Dine rettigheder
Du har ret til at se dine oplysninger (du kan hente dem under Mine data), få forkerte oplysninger rettet, \
og i visse tilfælde få dem slettet eller begrænset. Du kan klage til Datatilsynet, https://www.datatilsynet.dk."""


def seed(apps, schema_editor):
    AccessibilityStatement = apps.get_model("pages", "AccessibilityStatement")
    PrivacyNotice = apps.get_model("pages", "PrivacyNotice")
    if not AccessibilityStatement.objects.exists():
        AccessibilityStatement.objects.create(
            compliance="partial",
            not_compliant=NOT_COMPLIANT,
            disproportionate_burden="",
            outside_scope="Videoer og lydfiler, der er lagt op før 23. september 2020.",
            prepared_on=datetime.date(2026, 12, 2),
            method=METHOD,
            feedback=FEEDBACK,
            contact_email="tilgaengelighed@kommune.example.dk",
        )
    if not PrivacyNotice.objects.exists():
        PrivacyNotice.objects.create(body=PRIVACY)


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
