"""The minutes PDF and the OParl meeting list, each beside a baseline measured in the same run.

- PDF: the 2015 demo minutes as a tagged, archival PDF (Typst through documents.pdf.render_pdf,
  laid out until the contents' page numbers settle) against the same minutes as the HTML page
  (GET /moeder/<id>/), which shows the same document from the same Markdown.
- OParl: one page of 100 meetings, each with its items and attachments embedded,
  against a bare JSON dump of the same 100 meeting rows (one query, no
  serialisation), on a database holding --meetings meetings.

Needs DATABASE_URL and REDIS_URL pointing at scratch servers (it migrates and adds rows).

    .venv/bin/python bench/committees.py [--meetings 500] [--rounds 20]
"""

import argparse
import statistics
import sys
import time

from common import setup_django


def timed(call, rounds: int) -> list[float]:
    call()  # warm up
    seconds = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
    return seconds


def show(name: str, seconds: list[float]) -> float:
    median = statistics.median(seconds) * 1000
    print(f"{name:<58} n={len(seconds):>3}  median {median:8.1f} ms  max {max(seconds) * 1000:8.1f} ms")
    return median


def prepare(meetings: int) -> None:
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.utils import timezone

    from accounts.models import Committee
    from committees.models import AgendaItem, Attachment, Location, Meeting

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    committee = Committee.objects.get(slug="projektudvalget-demokratieksperimentariet")
    missing = meetings - Meeting.objects.count()
    location = Location.objects.first()
    for n in range(max(missing, 0)):
        start = timezone.now() - timedelta(days=7 * (n + 1))
        meeting = Meeting.objects.create(
            committee=committee,
            start=start,
            location=location,
            status=Meeting.Status.AGENDA_PUBLISHED,
            agenda_published_at=start,
        )
        for order in range(1, 5):
            item = AgendaItem.objects.create(
                meeting=meeting,
                committee=committee,
                order=order,
                title=f"Bench {n}.{order}",
                item_type="discussion",
                recommendation="Udvalget drøfter sagen.",
                description="Beskrivelse.",
            )
            if order == 1:
                attachment = Attachment(
                    item=item, title="Bilag", file_name="b.pdf", mime_type="application/pdf", size=4, sha1="0" * 40
                )
                attachment.file.save("b.pdf", ContentFile(b"%PDF"), save=False)
                attachment.save()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    setup_django()
    from django.contrib.auth.models import AnonymousUser
    from django.http import JsonResponse
    from django.test import Client

    from committees import documents
    from committees.models import Meeting
    from committees.selectors import meeting_document

    prepare(args.meetings)
    minutes = Meeting.objects.get(start__year=2015)
    document = meeting_document(user=AnonymousUser(), meeting=minutes)

    client = Client(HTTP_HOST="localhost")
    page = f"/moeder/{minutes.id}/"

    print(f"Minutes of 24 March 2015 ({len(document.items)} items), {args.rounds} rounds\n")
    base = show("baseline: the same minutes as the HTML page", timed(lambda: client.get(page), args.rounds))
    pdf = show(
        "minutes PDF/UA-1 + PDF/A-2a (meeting_pdf)",
        timed(lambda: documents.meeting_pdf(document, language="da"), args.rounds),
    )
    print(f"ratio: {pdf / base:.2f}x\n")

    path = "/oparl/v1.1/body/kommune/meetings/?elementsPerPage=100"

    def bare() -> None:
        JsonResponse({"data": list(Meeting.objects.order_by("id").values()[:100])})

    print(f"OParl meetings, 100 per page, {Meeting.objects.count()} meetings in the database\n")
    base = show("baseline: 100 meeting rows dumped as JSON", timed(bare, args.rounds))
    oparl = show("GET " + path, timed(lambda: client.get(path), args.rounds))
    print(f"ratio: {oparl / base:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
