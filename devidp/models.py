from django.conf import settings
from django.db import models


class DemoIdentity(models.Model):
    """One demo person at the local provider, with the claims its ID tokens carry."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="demo_identity")
    sub = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=10)  # "citizens" or "staff"
    name = models.CharField(max_length=200)
    email = models.EmailField()
    cpr = models.CharField(max_length=10, blank=True)
    groups = models.JSONField(default=list)
    acr = models.CharField(max_length=100, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.sub})"
