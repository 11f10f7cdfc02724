"""An application from draft to decision in a real browser: steps, receipt, a question and its answer, a
reduced grant with grounds; the applicant reads the decision letter. Every page axe-clean."""

import pytest

from grants.models import Application, Round
from tests.e2e.axe import violations
from tests.e2e.live import follow
from tests.e2e.sessions import browser_context_for
from tests.files import PDF
from tests.grants.conftest import pool, reviewer, round, second_reviewer  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db(transaction=True)


def test_application_from_draft_to_decision(live_stack, browser, axe_source, citizen, reviewer, round):  # noqa: F811
    """One application's whole way, as its three people see it, with axe on each of the eight pages they meet:
    about 9-11 s, most of it axe's runs (one test, since each step needs the one before)."""
    applicant = browser_context_for(browser, live_stack, citizen)
    page = applicant.new_page()
    page.goto(f"/puljer/{round.pool.slug}/")
    assert violations(page, axe_source) == []
    follow(page, "text=Søg puljen")
    page.fill("#id_title", "Stemmeskole for nydanskere")
    page.fill("#id_description", "To aftener på sprogskolen, hvor vi viser, hvordan man stemmer.")
    page.get_by_label("Nydanskere").check()
    assert violations(page, axe_source) == []
    follow(page, "text=Gem og gå videre")
    page.fill("#id_amount_applied", "12.000")
    page.fill("#id_own_contribution", "0")
    # DKFDS's date field: three boxes in a fieldset named by its legend.
    for legend, (day, month, year) in (
        ("Projektet starter", ["1", "2", "2027"]),
        ("Projektet slutter", ["20", "2", "2027"]),
    ):
        dates = page.get_by_role("group", name=legend)
        dates.get_by_label("Dag").fill(day)
        dates.get_by_label("Måned").fill(month)
        dates.get_by_label("År").fill(year)
    page.fill("#id_lines-0-purpose", "Tolk")
    page.fill("#id_lines-0-amount", "7.000")
    page.fill("#id_lines-1-purpose", "Materialer")
    page.fill("#id_lines-1-amount", "4.000")
    follow(page, "main button:has-text('Gem og gå videre')")
    page.fill("#id_title", "Program for aftenerne")
    page.set_input_files("#id_file", files=[{"name": "program.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    follow(page, "text=Tilføj bilaget")
    assert "Bilaget er tilføjet." in page.content() and "program.pdf" in page.content()
    assert violations(page, axe_source) == []
    follow(page, "main a:has-text('Gå videre')")
    assert "Budgettet er på 11.000 kr., men ansøgt beløb og egenfinansiering er tilsammen 12.000 kr." in page.content()
    assert violations(page, axe_source) == []
    follow(page, "text=Ret økonomien")
    page.fill("#id_lines-1-amount", "5.000")
    follow(page, "main button:has-text('Gem og gå videre')")
    follow(page, "main a:has-text('Gå videre')")
    follow(page, "text=Send ansøgningen")
    assert "Tak – din ansøgning er sendt" in page.content()
    assert violations(page, axe_source) == []
    application = Application.objects.get(title="Stemmeskole for nydanskere")

    staff = browser_context_for(browser, live_stack, reviewer)
    review = staff.new_page()
    review.goto(f"/puljer/{round.pool.slug}/ansoegninger/")
    follow(review, "text=Stemmeskole for nydanskere")
    assert violations(review, axe_source) == []
    review.fill("#id_question", "Hvor mange deltagere regner I med?")
    follow(review, "text=Send spørgsmålet")
    assert "Spørgsmålet er sendt til ansøgeren." in review.content()

    page.goto(f"/ansoegninger/{application.id}/")
    assert "Hvor mange deltagere regner I med?" in page.content()
    assert violations(page, axe_source) == []
    page.fill("#id_answer", "Cirka 40 fra sprogskolen.")
    follow(page, "text=Send svaret")
    assert "Tak for dit svar." in page.content()

    review.reload()
    review.get_by_label("Delvist bevilget").check()
    review.fill("#id_amount_granted", "9.000")
    review.fill("#id_rules_applied", "Retningslinjerne for puljen til valgfremme.")
    review.fill("#id_considerations", "Projektet når nydanskere; tolkeudgiften er sat for højt.")
    review.fill("#id_facts", "Der søges 12.000 kr., heraf 7.000 kr. til tolk.")
    follow(review, "text=Træf afgørelsen")
    assert "Afgørelsen er truffet" in review.content()
    assert Round.objects.get(id=round.id).money_left == 66_000 * 100
    staff.close()

    page.reload()
    follow(page, "text=Læs afgørelsesbrevet")
    assert "Du får delvis støtte: 9.000 kr. af de 12.000 kr., du har søgt om." in page.content()
    assert violations(page, axe_source) == []
    applicant.close()
