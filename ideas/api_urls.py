from django.urls import path

from ideas import api

urlpatterns = [
    path("boards/", api.BoardListCreateApi.as_view(), name="api-boards"),
    path("boards/<slug:slug>/", api.BoardDetailApi.as_view(), name="api-board-detail"),
    path("ideas/", api.IdeaListCreateApi.as_view(), name="api-ideas"),
    path("assisted-ideas/", api.AssistedIdeaApi.as_view(), name="api-assisted-ideas"),
    path("ideas/<int:idea_id>/", api.IdeaDetailApi.as_view(), name="api-idea-detail"),
    path("ideas/<int:idea_id>/support/", api.IdeaSupportApi.as_view(), name="api-idea-support"),
    path("ideas/<int:idea_id>/propose/", api.IdeaProposeApi.as_view(), name="api-idea-propose"),
    path("ideas/<int:idea_id>/comments/", api.IdeaCommentsApi.as_view(), name="api-idea-comments"),
    path("ideas/<int:idea_id>/hide/", api.IdeaHideApi.as_view(), name="api-idea-hide"),
    path("ideas/<int:idea_id>/themes/", api.IdeaThemesApi.as_view(), name="api-idea-themes"),
    path("ideas/<int:idea_id>/unhide/", api.IdeaUnhideApi.as_view(), name="api-idea-unhide"),
    path("comments/<int:comment_id>/", api.CommentDetailApi.as_view(), name="api-comment-detail"),
    path("comments/<int:comment_id>/hide/", api.CommentHideApi.as_view(), name="api-comment-hide"),
    path("comments/<int:comment_id>/unhide/", api.CommentUnhideApi.as_view(), name="api-comment-unhide"),
    path("reports/", api.ReportCreateApi.as_view(), name="api-reports"),
    path("moderation/reports/", api.ModerationReportListApi.as_view(), name="api-moderation-reports"),
    path("moderation/reports/<int:report_id>/dismiss/", api.ReportDismissApi.as_view(), name="api-report-dismiss"),
]
