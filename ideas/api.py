"""The idea boards' REST API: a door like the pages, calling the same services, selectors and permissions.

Reading boards, ideas and comments is public; everything else needs a token
(or a session). Moderation is for staff only.
"""

import rules
from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.views import APIView

from core.idempotency import IDEMPOTENCY_HEADER, request_once
from ideas import services
from ideas.models import Board, Comment, Idea, Report
from ideas.permissions import can_see_hidden_text
from ideas.selectors import (
    ORDER_MOST_SUPPORTED,
    ORDER_NEWEST,
    access_board_by_slug,
    access_comment_by_id,
    access_idea_by_id,
    access_report_by_id,
    boards_overview,
    comments_on,
    open_reports,
    public_supporters,
    search_ideas,
    theme_suggestions_for,
)
from ideas.serializers import (
    AssistedIdeaCreateSerializer,
    BoardCreateSerializer,
    BoardSerializer,
    BoardUpdateSerializer,
    CommentCreateSerializer,
    CommentSerializer,
    CommentUpdateSerializer,
    IdeaCreateSerializer,
    IdeaSerializer,
    IdeaThemesSerializer,
    IdeaUpdateSerializer,
    ModerationReportSerializer,
    ReasonSerializer,
    ReportCreateSerializer,
    ReportSerializer,
    SupportCreateSerializer,
    SupportStateSerializer,
)


def _idea_response(request, idea_id: int, *, status_code: int = status.HTTP_200_OK) -> Response:
    idea = access_idea_by_id(user=request.user, idea_id=idea_id)
    context = {"show_hidden": can_see_hidden_text(request.user)}
    # The supporters as each chose to be shown publicly (never more than that).
    data = {**IdeaSerializer(idea, context=context).data, "supporters": public_supporters(idea=idea)}
    return Response(data, status=status_code)


class BoardListCreateApi(ListAPIView):
    """Every board (public); an administrator or the committee's secretary creates one."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = BoardSerializer

    def get_queryset(self):
        return boards_overview()

    @extend_schema(request=BoardCreateSerializer, responses={201: BoardSerializer}, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request):
        """Create a board. Sent again with the same `Idempotency-Key`, the answer is the board created first."""
        serializer = BoardCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        board = request_once(
            request,
            action="ideas.create_board",
            model=Board,
            create=lambda: services.create_board(actor=request.user, **serializer.validated_data),
        )
        return Response(BoardSerializer(board).data, status=status.HTTP_201_CREATED)


class BoardDetailApi(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    @extend_schema(responses=BoardSerializer)
    def get(self, request, slug: str):
        return Response(BoardSerializer(access_board_by_slug(slug=slug)).data)

    @extend_schema(request=BoardUpdateSerializer, responses=BoardSerializer)
    def patch(self, request, slug: str):
        board = access_board_by_slug(slug=slug)
        serializer = BoardUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        board = services.update_board(actor=request.user, board=board, **serializer.validated_data)
        return Response(BoardSerializer(board).data)


class IdeaListCreateApi(ListAPIView):
    """Ideas (public), searched and filtered like the board page; a citizen posts one."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = IdeaSerializer

    def get_queryset(self):
        params = self.request.query_params
        board = access_board_by_slug(slug=params["board"]) if params.get("board") else None
        return search_ideas(
            user=self.request.user,
            board=board,
            query=params.get("q", ""),
            status=params.get("status", ""),
            order=params.get("order", ORDER_MOST_SUPPORTED),
        )

    @extend_schema(
        parameters=[
            OpenApiParameter("board", str, description="The board's slug"),
            OpenApiParameter("q", str, description="Text to search for in title and description"),
            OpenApiParameter("status", str, enum=Idea.Status.values),
            OpenApiParameter("order", str, enum=[ORDER_MOST_SUPPORTED, ORDER_NEWEST]),
        ]
    )
    def get(self, request):
        return self.list(request)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "show_hidden": can_see_hidden_text(self.request.user)}

    @extend_schema(request=IdeaCreateSerializer, responses={201: IdeaSerializer}, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request):
        """Post an idea. Sent again with the same `Idempotency-Key`, the answer is the idea posted first."""
        serializer = IdeaCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        idea = request_once(
            request,
            action="ideas.create_idea",
            model=Idea,
            create=lambda: services.create_idea(author=request.user, **serializer.validated_data),
        )
        return _idea_response(request, idea.id, status_code=status.HTTP_201_CREATED)


class AssistedIdeaApi(APIView):
    @extend_schema(
        request=AssistedIdeaCreateSerializer, responses={201: IdeaSerializer}, parameters=[IDEMPOTENCY_HEADER]
    )
    def post(self, request):
        """Citizen service writes an idea for a citizen; the answer carries her one-time claim code, once. Sent
        again with the same `Idempotency-Key`, the answer is the idea written first with `claim_code` null."""
        serializer = AssistedIdeaCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        codes = []

        def create():
            idea, code = services.create_idea_for_citizen(actor=request.user, **serializer.validated_data)
            codes.append(code)
            return idea

        idea = request_once(
            request,
            action="ideas.create_idea_for_citizen",
            model=Idea,
            create=create,
        )
        response = _idea_response(request, idea.id, status_code=status.HTTP_201_CREATED)
        response.data["claim_code"] = codes[0] if codes else None
        return response


class IdeaDetailApi(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    @extend_schema(responses=IdeaSerializer)
    def get(self, request, idea_id: int):
        return _idea_response(request, idea_id)

    @extend_schema(request=IdeaUpdateSerializer, responses=IdeaSerializer)
    def patch(self, request, idea_id: int):
        idea = access_idea_by_id(user=request.user, idea_id=idea_id)
        serializer = IdeaUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        changes = {"title": idea.title, "body": idea.body, **serializer.validated_data}
        services.update_idea(actor=request.user, idea=idea, **changes)
        return _idea_response(request, idea_id)


class IdeaSupportApi(APIView):
    """POST supports the idea (again: no change), DELETE withdraws the support."""

    def _state(self, request, idea_id: int, status_code: int) -> Response:
        idea = access_idea_by_id(user=request.user, idea_id=idea_id)
        data = {"supported": idea.supported_by_me, "support_count": idea.support_count, "status": idea.status}
        return Response(SupportStateSerializer(data).data, status=status_code)

    @extend_schema(
        request=SupportCreateSerializer, responses={201: SupportStateSerializer, 200: SupportStateSerializer}
    )
    def post(self, request, idea_id: int):
        idea = access_idea_by_id(user=request.user, idea_id=idea_id)
        serializer = SupportCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        created = services.support_idea(user=request.user, idea=idea, **serializer.validated_data)
        return self._state(request, idea_id, status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    @extend_schema(request=None, responses=SupportStateSerializer)
    def delete(self, request, idea_id: int):
        idea = access_idea_by_id(user=request.user, idea_id=idea_id)
        services.withdraw_support(user=request.user, idea=idea)
        return self._state(request, idea_id, status.HTTP_200_OK)


class IdeaProposeApi(APIView):
    """Staff pick the idea as a proposal for the board's committee."""

    @extend_schema(request=None, responses=IdeaSerializer)
    def post(self, request, idea_id: int):
        idea = access_idea_by_id(user=request.user, idea_id=idea_id)
        services.propose_idea(actor=request.user, idea=idea)
        return _idea_response(request, idea_id)


class IdeaThemesApi(APIView):
    """Staff read the idea's themes and the suggestion, and confirm or change the themes (PUT)."""

    def _themes(self, request, idea_id: int) -> tuple[Idea, dict]:
        idea = access_idea_by_id(user=request.user, idea_id=idea_id)
        if not rules.has_perm("ideas.set_idea_themes", request.user, idea):
            raise PermissionDenied
        suggested = [{"theme": theme, "score": score} for theme, score in theme_suggestions_for(idea=idea)]
        return idea, {"themes": list(idea.themes.all()), "suggested": suggested}

    @extend_schema(responses=IdeaThemesSerializer)
    def get(self, request, idea_id: int):
        _idea, data = self._themes(request, idea_id)
        return Response(IdeaThemesSerializer(data).data)

    @extend_schema(request=IdeaThemesSerializer, responses=IdeaThemesSerializer)
    def put(self, request, idea_id: int):
        idea, _data = self._themes(request, idea_id)
        serializer = IdeaThemesSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.set_idea_themes(actor=request.user, idea=idea, themes=serializer.validated_data["themes"])
        return Response(IdeaThemesSerializer(self._themes(request, idea_id)[1]).data)


class IdeaCommentsApi(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    @extend_schema(responses=CommentSerializer(many=True))
    def get(self, request, idea_id: int):
        idea = access_idea_by_id(user=request.user, idea_id=idea_id)
        comments = [c for top in comments_on(idea=idea) for c in [top, *top.replies.all()]]
        context = {"show_hidden": can_see_hidden_text(request.user)}
        return Response(CommentSerializer(comments, many=True, context=context).data)

    @extend_schema(request=CommentCreateSerializer, responses={201: CommentSerializer}, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request, idea_id: int):
        """Comment. Sent again with the same `Idempotency-Key`, the answer is the comment posted first."""
        idea = access_idea_by_id(user=request.user, idea_id=idea_id)
        serializer = CommentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment = request_once(
            request,
            action="ideas.post_comment",
            model=Comment,
            create=lambda: services.post_comment(author=request.user, idea=idea, **serializer.validated_data),
        )
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)


class CommentDetailApi(APIView):
    @extend_schema(request=CommentUpdateSerializer, responses=CommentSerializer)
    def patch(self, request, comment_id: int):
        comment = access_comment_by_id(comment_id=comment_id)
        serializer = CommentUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment = services.edit_comment(actor=request.user, comment=comment, **serializer.validated_data)
        return Response(CommentSerializer(comment).data)


class ReportCreateApi(APIView):
    @extend_schema(request=ReportCreateSerializer, responses={201: ReportSerializer}, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request):
        """Report an idea or a comment. Sent again with the same `Idempotency-Key`, the answer is the first report."""
        serializer = ReportCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = request_once(
            request,
            action="ideas.report_content",
            model=Report,
            create=lambda: services.report_content(reporter=request.user, **serializer.validated_data),
        )
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)


class ModerationReportListApi(ListAPIView):
    """Staff only: the open reports, with the reported text as written."""

    serializer_class = ModerationReportSerializer

    def get_queryset(self):
        if not rules.has_perm("ideas.moderate", self.request.user):
            raise PermissionDenied
        return open_reports()


class ReportDismissApi(APIView):
    @extend_schema(request=None, responses={204: None})
    def post(self, request, report_id: int):
        if not rules.has_perm("ideas.moderate", request.user):
            raise PermissionDenied
        services.dismiss_report(actor=request.user, report=access_report_by_id(report_id=report_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class IdeaHideApi(APIView):
    @extend_schema(request=ReasonSerializer, responses=IdeaSerializer)
    def post(self, request, idea_id: int):
        idea = access_idea_by_id(user=request.user, idea_id=idea_id)
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.hide_idea(actor=request.user, idea=idea, **serializer.validated_data)
        return _idea_response(request, idea_id)


class IdeaUnhideApi(APIView):
    @extend_schema(request=None, responses=IdeaSerializer)
    def post(self, request, idea_id: int):
        services.unhide_idea(actor=request.user, idea=access_idea_by_id(user=request.user, idea_id=idea_id))
        return _idea_response(request, idea_id)


class CommentHideApi(APIView):
    @extend_schema(request=ReasonSerializer, responses=CommentSerializer)
    def post(self, request, comment_id: int):
        comment = access_comment_by_id(comment_id=comment_id)
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment = services.hide_comment(actor=request.user, comment=comment, **serializer.validated_data)
        return Response(CommentSerializer(comment, context={"show_hidden": True}).data)


class CommentUnhideApi(APIView):
    @extend_schema(request=None, responses=CommentSerializer)
    def post(self, request, comment_id: int):
        comment = services.unhide_comment(actor=request.user, comment=access_comment_by_id(comment_id=comment_id))
        return Response(CommentSerializer(comment).data)
