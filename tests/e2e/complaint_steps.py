"""Filing a complaint through its steps in the browser, as a citizen does (the shared part of the browser tests)."""

DESCRIPTION = "Vi forstår ikke afslaget på aflastning til vores søn."


def answer_what(page) -> None:
    page.goto("/klager/ny/")
    page.get_by_label("Klage over en afgørelse").check()
    page.get_by_label("Hvilken afdeling drejer klagen sig om").select_option(label="Familiecentret")
    page.get_by_role("button", name="Gem og fortsæt").click()


def answer_details(page, *, subject: str) -> None:
    page.get_by_label("Overskrift").fill(subject)
    page.get_by_label("Beskrivelse").fill(DESCRIPTION)
    page.get_by_role("button", name="Gem og fortsæt").click()


def answer_contact(page, *, phone: str = "12 34 56 78") -> None:
    page.get_by_label("Telefon", exact=True).check()
    page.get_by_label("Telefonnummer").fill(phone)
    page.get_by_role("button", name="Gem og fortsæt").click()
    page.wait_for_url("**/klager/ny/tjek/")


def file_complaint_in_steps(page, *, subject: str) -> str:
    """All steps, then "Send klagen"; the receipt's reference."""
    answer_what(page)
    answer_details(page, subject=subject)
    answer_contact(page)
    page.get_by_role("button", name="Send klagen").click()
    page.wait_for_url("**/kvittering/")
    return page.locator("main strong").first.inner_text()
