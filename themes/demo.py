"""The demo municipality's themes (the part of seed_demo that belongs to the themes app)."""

from themes.models import Theme

THEMES = (
    ("Vej og trafik", "vej-og-trafik", "Veje, fortove, huller, skilte, vejarbejde og trafiksikkerhed."),
    ("Snerydning og glatføre", "snerydning", "Snerydning, saltning og glatførebekæmpelse på veje og stier."),
    ("Affald og genbrug", "affald", "Affaldsindsamling, sortering, storskrald og genbrugspladser."),
    ("Natur og miljø", "natur-og-miljo", "Støj, forurening, træer, vandløb, grønne områder og dyreliv."),
    ("Byggesager", "byggesager", "Byggetilladelser, lokalplaner, dispensationer og tilsyn."),
    ("Skole og SFO", "skole-og-sfo", "Folkeskole, SFO, skoletilbud, inklusion og specialundervisning."),
    ("Dagtilbud", "dagtilbud", "Vuggestue, børnehave, dagpleje, pasningsgaranti og forældrebetaling."),
    ("Skolebus og kørsel", "skolebus-og-koersel", "Befordring til skole og dagtilbud, skolebusser og kørsel."),
    ("Ældrepleje og hjemmehjælp", "aeldrepleje", "Hjemmehjælp, plejehjem, madservice og genoptræning."),
    ("Hjælpemidler og handicap", "hjaelpemidler-og-handicap", "Hjælpemidler, boligindretning, handicapbil og BPA."),
    ("Børn og familie", "boern-og-familie", "Familiebehandling, aflastning, anbringelse, underretninger og samvær."),
    ("Beskæftigelse og ydelser", "beskaeftigelse-og-ydelser", "Kontanthjælp, sygedagpenge, aktivering og fleksjob."),
    ("Borgerservice og ventetid", "borgerservice", "Pas, kørekort, sundhedskort, telefontid og åbningstider."),
    (
        "Sagsbehandlingstid og kommunikation",
        "sagsbehandling-og-kommunikation",
        "Lang ventetid på svar, breve der er svære at forstå, og manglende partshøring.",
    ),
)


def seed() -> None:
    for name, slug, description in THEMES:
        Theme.objects.update_or_create(slug=slug, defaults={"name": name, "description": description})
