from django.urls import path

from casework import api

urlpatterns = [
    path("complaints/<int:complaint_id>/hearings/", api.ComplaintHearingsApi.as_view(), name="api-complaint-hearings"),
    path(
        "complaints/<int:complaint_id>/decisions/", api.ComplaintDecisionsApi.as_view(), name="api-complaint-decisions"
    ),
    path("complaints/<int:complaint_id>/forward/", api.ComplaintForwardApi.as_view(), name="api-complaint-forward"),
    path("complaint-hearings/<int:hearing_id>/", api.HearingDetailApi.as_view(), name="api-hearing"),
    path("complaint-hearings/<int:hearing_id>/answer/", api.HearingAnswerApi.as_view(), name="api-hearing-answer"),
    path(
        "complaint-hearings/<int:hearing_id>/extension/",
        api.HearingExtensionApi.as_view(),
        name="api-hearing-extension",
    ),
    path(
        "complaint-hearings/<int:hearing_id>/extension/decision/",
        api.HearingExtensionDecisionApi.as_view(),
        name="api-hearing-extension-decision",
    ),
]
