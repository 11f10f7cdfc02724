from django.urls import path

from complaints import api

urlpatterns = [
    path("complaints/", api.ComplaintListCreateApi.as_view(), name="api-complaints"),
    path("assisted-complaints/", api.AssistedComplaintApi.as_view(), name="api-assisted-complaints"),
    path(
        "assisted-complaints/<int:complaint_id>/new-code/",
        api.AssistedNewCodeApi.as_view(),
        name="api-assisted-new-code",
    ),
    path("complaints/<int:complaint_id>/", api.ComplaintDetailApi.as_view(), name="api-complaint-detail"),
    path(
        "complaints/<int:complaint_id>/attachments/",
        api.ComplaintAttachmentsApi.as_view(),
        name="api-complaint-attachments",
    ),
    path("complaints/<int:complaint_id>/close/", api.ComplaintCloseApi.as_view(), name="api-complaint-close"),
    path(
        "complaints/<int:complaint_id>/contacts/<int:log_id>/share/",
        api.ContactShareApi.as_view(),
        name="api-complaint-contact-share",
    ),
    path(
        "complaints/<int:complaint_id>/representations/",
        api.ComplaintRepresentationApi.as_view(),
        name="api-complaint-representations",
    ),
    path("representations/", api.RepresentationListCreateApi.as_view(), name="api-representations"),
    path("representations/<int:representation_id>/", api.RepresentationDetailApi.as_view(), name="api-representation"),
    path(
        "representations/<int:representation_id>/accept/",
        api.RepresentationAnswerApi.as_view(accept=True),
        name="api-representation-accept",
    ),
    path(
        "representations/<int:representation_id>/decline/",
        api.RepresentationAnswerApi.as_view(accept=False),
        name="api-representation-decline",
    ),
    path(
        "representations/<int:representation_id>/revoke/",
        api.RepresentationRevokeApi.as_view(),
        name="api-representation-revoke",
    ),
    path("tasks/", api.TaskListApi.as_view(), name="api-tasks"),
    path("tasks/<int:task_id>/contacts/", api.TaskContactApi.as_view(), name="api-task-contacts"),
    path("tasks/<int:task_id>/reassign/", api.TaskReassignApi.as_view(), name="api-task-reassign"),
]
