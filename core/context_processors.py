from django.conf import settings
from django.templatetags.static import static


def site(request):
    logo = settings.MUNICIPALITY_LOGO
    if logo and not logo.startswith(("http://", "https://", "/")):
        logo = static(logo)
    return {
        "MUNICIPALITY_NAME": settings.MUNICIPALITY_NAME,
        "MUNICIPALITY_LOGO": logo,
        "MUNICIPALITY_CONTACT": settings.MUNICIPALITY_CONTACT,
        "DEMO": settings.DEMO,
    }
