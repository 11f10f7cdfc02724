from accounts.models import PersonalDataAccess, User


def log_personal_data_access(*, viewer: User, subject: User, what: str) -> PersonalDataAccess | None:
    """Record that staff saw a citizen's personal data; a citizen looking at her own is not logged."""
    if viewer.id == subject.id:
        return None
    return PersonalDataAccess.objects.create(viewer=viewer, subject=subject, what=what[:200])
