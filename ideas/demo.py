"""The demo idea boards, drawn from the committee's minutes of 24 March 2015 (punkt 120–122).

Each board's threshold is 3, so a demo can carry an idea over it with the
demo citizens: borger@, borger2@, borger3@ and borger4@ (the last two are
added here). One idea on "Samskabelse" is already a proposal, so the
secretary's queue is not empty. Idempotent: run it again and nothing doubles.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import Committee, User
from ideas import services
from ideas.models import Association, AssociationMembership, Board, Comment, Idea

COMMITTEE_SLUG = "projektudvalget-demokratieksperimentariet"

CITIZENS = [
    ("borger3@example.dk", "Sofie Nielsen"),
    ("borger4@example.dk", "Jens Madsen"),
]

ASSOCIATION = ("Holbæk Ungdomsråd", "holbaek-ungdomsraad", ["borger2@example.dk"])

BOARDS = [
    (
        "valgfremme",
        "Valgfremme – flere skal stemme",
        "Holbæk Kommune vil have flere til at stemme, især unge, socialt udsatte og nydanskere. "
        "Byrådet overvejer en pulje til valgfremme, som borgere og foreninger kan søge. "
        "Hvad skal der til, for at flere stemmer ved næste valg?",
    ),
    (
        "folkemoedet-2015",
        "Folkemødet 2015 – hvad skal Holbæk byde ind med?",
        "Byrådet deltager i Folkemødet på Bornholm 11.–14. juni sammen med Fælles-skaberne og "
        "Demokratieksperimentariet. Hvilke debatter, erfaringer og eksempler fra Holbæk skal vi tage med?",
    ),
    (
        "samskabelse",
        "Samskabelse – borgere som ressource",
        "Samskabelse handler om at skabe velfærd sammen med borgerne i stedet for at levere den til dem. "
        "Hvor kan borgere, foreninger og kommunen løse opgaver bedre sammen?",
    ),
]

# board slug, author e-mail, on behalf of the association, title, body, supporters
IDEAS = [
    (
        "valgfremme",
        "borger@example.dk",
        False,
        "Gratis bus til valgstederne på valgdagen",
        "Mange ældre og unge uden bil har langt til valgstedet. Lad bybusserne og de regionale busser "
        "køre gratis på valgdagen og stoppe ved valgstederne, så afstanden ikke holder nogen hjemme.",
        ["borger2@example.dk"],
    ),
    (
        "valgfremme",
        "borger2@example.dk",
        True,
        "Brevstemmevalg på uddannelsesstederne",
        "Sæt en brevstemmeurne op på gymnasierne, erhvervsskolerne og VUC i ugerne før valget. "
        "Ungdomsrådet vil gerne stå for at fortælle eleverne om valget og hjælpe med at lave arrangementerne.",
        ["borger@example.dk", "borger3@example.dk"],
    ),
    (
        "valgfremme",
        "borger3@example.dk",
        False,
        "Foreninger skal kunne søge valgfremmepuljen",
        "Foreninger kender deres medlemmer og kan nå dem, som kommunen ikke når. Gør det enkelt for "
        "foreninger at søge puljen til valgfremme, og giv et lille beløb til fx vælgermøder i lokalområderne.",
        [],
    ),
    (
        "folkemoedet-2015",
        "borger2@example.dk",
        False,
        "Debat om levende lokalsamfund i landdistrikterne",
        "Holbæk har mange små landsbyer. Tag en debat med Landdistrikternes Fællesråd om, hvordan "
        "kommunen holder tæt kontakt med yderområderne, når der er færre penge til service.",
        ["borger@example.dk"],
    ),
    (
        "folkemoedet-2015",
        "borger@example.dk",
        False,
        "Fortæl om den frivillige mentorordning",
        "Mentorordningen, hvor borgere er mentorer for andre borgere, er et godt eksempel på "
        "velfærd, der skabes sammen med borgerne. Den bør vises frem på Folkemødet.",
        [],
    ),
    (
        "samskabelse",
        "borger3@example.dk",
        False,
        "Brugerdrevet ældrecenter",
        "Lad beboere, pårørende og frivillige være med til at bestemme over hverdagen på ældrecentret: "
        "aktiviteter, mad og åbningstider i caféen. Start med ét center som forsøg.",
        ["borger@example.dk", "borger2@example.dk", "borger4@example.dk"],
    ),
    (
        "samskabelse",
        "borger4@example.dk",
        False,
        "Virksomheder som mentorer for ledige",
        "Lokale virksomheder kan hjælpe udsatte borgere i arbejde, hvis kommunen gør det let at "
        "samarbejde. Lav en enkel aftale, som virksomheder og jobcentret kan bruge sammen.",
        ["borger3@example.dk"],
    ),
]

COMMENTS = [
    (
        "Gratis bus til valgstederne på valgdagen",
        "borger3@example.dk",
        "God idé. Det vil også hjælpe dem, der bor i landsbyerne uden for Holbæk by.",
        "borger@example.dk",
        "Tak! Måske kunne busserne også have et skilt om, hvor man kan stemme.",
    ),
]


# How people chose to be shown publicly (the default is the full name): by idea title, supporter, commenter.
IDEA_SHOWN_AS = {"Brugerdrevet ældrecenter": "short", "Virksomheder som mentorer for ledige": "anonymous"}
SUPPORTER_SHOWN_AS = {"borger2@example.dk": "short", "borger4@example.dk": "anonymous"}
COMMENT_SHOWN_AS = {"borger3@example.dk": "anonymous"}


def _user(email: str, full_name: str) -> User:
    user = User.objects.filter(email=email).first()
    return user or User.objects.create_user(email, DEMO_PASSWORD, full_name=full_name)


def seed() -> None:
    people = {email: _user(email, name) for email, name in CITIZENS}
    people.update({u.email: u for u in User.objects.filter(email__in=["borger@example.dk", "borger2@example.dk"])})
    committee = Committee.objects.get(slug=COMMITTEE_SLUG)

    name, slug, member_emails = ASSOCIATION
    association, _ = Association.objects.get_or_create(slug=slug, defaults={"name": name})
    for email in member_emails:
        AssociationMembership.objects.get_or_create(association=association, user=people[email])

    today = timezone.localdate()
    boards = {}
    for board_slug, title, description in BOARDS:
        boards[board_slug], _ = Board.objects.update_or_create(
            slug=board_slug,
            defaults={
                "title": title,
                "description": description,
                "committee": committee,
                "opens_on": today - timedelta(days=14),
                "closes_on": today + timedelta(days=90),
                "support_threshold": 3,
                "phase": Board.Phase.COLLECTING,
            },
        )

    ideas = {}
    for board_slug, author_email, for_association, title, body, supporters in IDEAS:
        idea = Idea.objects.filter(board=boards[board_slug], title=title).first()
        if idea is None:
            idea = services.create_idea(
                author=people[author_email],
                board=boards[board_slug],
                title=title,
                body=body,
                association=association if for_association else None,
                shown_as=IDEA_SHOWN_AS.get(title, "full"),
            )
        for email in supporters if not idea.is_hidden else []:
            services.support_idea(user=people[email], idea=idea, shown_as=SUPPORTER_SHOWN_AS.get(email, "full"))
        ideas[title] = idea

    for idea_title, author_email, body, reply_email, reply in COMMENTS:
        idea = ideas[idea_title]
        comment = Comment.objects.filter(idea=idea, author=people[author_email], body=body).first()
        if comment is None:
            comment = services.post_comment(
                author=people[author_email], idea=idea, body=body, shown_as=COMMENT_SHOWN_AS.get(author_email, "full")
            )
            services.post_comment(author=people[reply_email], idea=idea, body=reply, parent=comment)
