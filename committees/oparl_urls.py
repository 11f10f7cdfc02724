from django.urls import path

from committees import oparl

app_name = "oparl"

urlpatterns = [
    path("", oparl.system, name="system"),
    path("bodies/", oparl.bodies, name="bodies"),
    path("body/<slug:key>/", oparl.body, name="body"),
    path("body/<slug:key>/organizations/", oparl.body_organizations, name="body-organizations"),
    path("body/<slug:key>/persons/", oparl.body_persons, name="body-persons"),
    path("body/<slug:key>/meetings/", oparl.body_meetings, name="body-meetings"),
    path("body/<slug:key>/papers/", oparl.body_papers, name="body-papers"),
    path("body/<slug:key>/agenda-items/", oparl.body_agenda_items, name="body-agenda-items"),
    path("body/<slug:key>/consultations/", oparl.body_consultations, name="body-consultations"),
    path("body/<slug:key>/files/", oparl.body_files, name="body-files"),
    path("body/<slug:key>/locations/", oparl.body_locations, name="body-locations"),
    path("body/<slug:key>/memberships/", oparl.body_memberships, name="body-memberships"),
    path("organization/<int:pk>/", oparl.organization, name="organization"),
    path("organization/<int:pk>/meetings/", oparl.organization_meetings, name="organization-meetings"),
    path("person/<int:pk>/", oparl.person, name="person"),
    path("membership/<int:pk>/", oparl.membership, name="membership"),
    path("meeting/<int:pk>/", oparl.meeting, name="meeting"),
    path("agenda-item/<int:pk>/", oparl.agenda_item, name="agenda-item"),
    path("paper/<int:pk>/", oparl.paper, name="paper"),
    path("consultation/<int:pk>/", oparl.consultation, name="consultation"),
    path("file/<int:pk>/", oparl.file, name="file"),
    path("meeting-file/<int:pk>/", oparl.meeting_file, name="meeting-file"),
    path("paper-file/<int:pk>/", oparl.paper_file, name="paper-file"),
    path("location/<int:pk>/", oparl.location, name="location"),
]
