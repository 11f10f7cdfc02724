from django.urls import path

from hearings import api

urlpatterns = [
    path("hearings/", api.HearingListApi.as_view(), name="api-hearings"),
    path("hearings/<int:hearing_id>/", api.HearingDetailApi.as_view(), name="api-hearing"),
    path("hearings/<int:hearing_id>/answers/", api.HearingAnswersApi.as_view(), name="api-hearing-answers"),
    path("hearings/<int:hearing_id>/note/", api.HearingNoteApi.as_view(), name="api-hearing-note"),
]
