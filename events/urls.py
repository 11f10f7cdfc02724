from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("arrangementer/", views.event_list, name="list"),
    path("arrangementer/mine/", views.my_registrations, name="mine"),
    path("arrangementer/administrer/", views.manage, name="manage"),
    path("arrangementer/nyt/", views.event_create, name="create"),
    path("arrangementer/<int:event_id>/", views.event_detail, name="detail"),
    path("arrangementer/<int:event_id>/tilmeld/", views.register, name="register"),
    path("arrangementer/<int:event_id>/afmeld/", views.cancel, name="cancel"),
    path("arrangementer/<int:event_id>/rediger/", views.event_edit, name="edit"),
    path("arrangementer/<int:event_id>/fremmoede/", views.attendance, name="attendance"),
    path("arrangementer/<int:event_id>/referat/", views.report, name="report"),
    path("arrangementer/<int:event_id>/planlaegning/", views.planning, name="planning"),
    path(
        "arrangementer/<int:event_id>/planlaegning/<int:participant_id>/fjern/",
        views.planning_remove,
        name="planning-remove",
    ),
    # Calendar files (README "Events"): one per public event, and a feed of them all
    path("events/feed.ics", views.feed_ics, name="feed"),
    path("events/<int:event_id>.ics", views.event_ics, name="ics"),
]
