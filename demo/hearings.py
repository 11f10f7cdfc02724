"""The concluded demo hearing on an agenda: placed by the secretary on a planned meeting a month ahead, whose
other item (about the care homes' food) has the theme Ældrepleje and no hearing of Ældrerådet — so the meeting
shows the council-duty warning before its agenda can be published. Separate from hearings/demo.py because
placing an item is the committees app's, a floor above hearings. Idempotent."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from accounts.models import Committee, User
from committees import services as committees
from committees.models import AgendaItemSource, Meeting
from hearings.demo import COMMITTEE_SLUG, ELDER_GUIDELINES
from hearings.models import Hearing
from themes.models import Theme


def seed() -> None:
    hearing = Hearing.objects.filter(title=ELDER_GUIDELINES[0]).first()
    if hearing is None or AgendaItemSource.objects.filter(kind="hearing", object_id=hearing.id).exists():
        return
    secretary = User.objects.get(email="sekretaer@example.dk")
    committee = Committee.objects.get(slug=COMMITTEE_SLUG)
    day = timezone.localdate() + timedelta(days=35)
    day += timedelta(days=(1 - day.weekday()) % 7)
    start = timezone.make_aware(datetime.combine(day, time(17, 0)))
    meeting = Meeting.objects.filter(committee=committee, start=start).first() or committees.create_meeting(
        actor=secretary, committee=committee, start=start, place="lokale 1.D, Kanalstræde 2"
    )
    committees.place_proposal(actor=secretary, meeting=meeting, kind="hearing", object_id=hearing.id)
    committees.add_item(
        actor=secretary,
        meeting=meeting,
        title="Beslutning - Ny madordning på plejecentrene",
        item_type="decision",
        recommendation="Projektudvalget godkender den nye madordning.",
        description="Plejecentrene skal have mad fra et nyt køkken. Forslaget ændrer, hvad beboerne kan vælge.",
        themes=list(Theme.objects.filter(slug="aeldrepleje")),
    )
