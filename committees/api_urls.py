from django.urls import path

from committees import api

urlpatterns = [
    path("meetings/", api.MeetingListCreateApi.as_view(), name="api-meetings"),
    path("meetings/<int:meeting_id>/", api.MeetingDetailApi.as_view(), name="api-meeting-detail"),
    path(
        "meetings/<int:meeting_id>/publish-agenda/",
        api.MeetingActionApi.as_view(action_name="publish-agenda"),
        name="api-meeting-publish-agenda",
    ),
    path("meetings/<int:meeting_id>/held/", api.MeetingActionApi.as_view(action_name="held"), name="api-meeting-held"),
    path(
        "meetings/<int:meeting_id>/publish-minutes/",
        api.MeetingActionApi.as_view(action_name="publish-minutes"),
        name="api-meeting-publish-minutes",
    ),
    path("meetings/<int:meeting_id>/items/", api.MeetingItemsApi.as_view(), name="api-meeting-items"),
    path("meetings/<int:meeting_id>/proposals/", api.MeetingProposalsApi.as_view(), name="api-meeting-proposals"),
    path("committees/<slug:slug>/proposals/", api.ProposalListApi.as_view(), name="api-committee-proposals"),
    path("agenda-items/<int:item_id>/", api.AgendaItemDetailApi.as_view(), name="api-agenda-item"),
    path("agenda-items/<int:item_id>/move/", api.AgendaItemMoveApi.as_view(), name="api-agenda-item-move"),
    path("agenda-items/<int:item_id>/decision/", api.AgendaItemDecisionApi.as_view(), name="api-agenda-item-decision"),
    path(
        "agenda-items/<int:item_id>/attachments/",
        api.AgendaItemAttachmentsApi.as_view(),
        name="api-agenda-item-attachments",
    ),
]
