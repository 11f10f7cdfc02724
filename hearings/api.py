"""The hearings' REST API: a door like the pages, calling the same services and selectors.

Published hearings are public; answers as the caller may see them (public ones only once the hearing says so);
the høringsnotat once it is published.
"""

from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Council
from core.idempotency import IDEMPOTENCY_HEADER, request_once
from hearings import services
from hearings.models import Answer
from hearings.permissions import can_read_all_answers
from hearings.selectors import access_hearing_by_id, answer_counts, answers_for, published_hearings, sections_of
from hearings.serializers import AnswerCreateSerializer, AnswerSerializer, HearingSerializer, NoteSerializer
from ideas.models import Association


class HearingListApi(ListAPIView):
    permission_classes = [AllowAny]
    serializer_class = HearingSerializer

    def get_queryset(self):
        return published_hearings().prefetch_related("sections", "themes")


class HearingDetailApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses=HearingSerializer)
    def get(self, request, hearing_id: int):
        return Response(HearingSerializer(access_hearing_by_id(user=request.user, hearing_id=hearing_id)).data)


def _one(model, slug: str, field: str):
    if not slug:
        return None
    found = model.objects.filter(slug=slug).first()
    if found is None:
        raise ValidationError({field: ["Findes ikke."]})
    return found


class HearingAnswersApi(APIView):
    """The answers the caller may read; a logged-in person answers while the hearing is open."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def _answers(self, request, hearing):
        context = {"show_hidden": can_read_all_answers(request.user, hearing)}
        return AnswerSerializer(answers_for(user=request.user, hearing=hearing), many=True, context=context).data

    @extend_schema(responses=AnswerSerializer(many=True))
    def get(self, request, hearing_id: int):
        return Response(self._answers(request, access_hearing_by_id(user=request.user, hearing_id=hearing_id)))

    @extend_schema(request=AnswerCreateSerializer, responses={201: AnswerSerializer}, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request, hearing_id: int):
        """Answer the hearing. Sent again with the same `Idempotency-Key`, the answer is the one sent first."""
        hearing = access_hearing_by_id(user=request.user, hearing_id=hearing_id)
        serializer = AnswerCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        section = None
        if data.get("section") is not None:
            section = hearing.sections.filter(number=data["section"]).first()
            if section is None:
                raise ValidationError({"section": ["Høringen har ikke det afsnit."]})
        upload = data.get("file")
        answer = request_once(
            request,
            action="hearings.answer_hearing",
            model=Answer,
            create=lambda: services.answer_hearing(
                author=request.user,
                hearing=hearing,
                body=data["body"],
                section=section,
                council=_one(Council, data.get("council", ""), "council"),
                association=_one(Association, data.get("association", ""), "association"),
                upload=upload,
                file_title=upload.name if upload else "",
                contains_sensitive=data["contains_sensitive"],
                notify_about_decision=data["notify_about_decision"],
            ),
        )
        return Response(AnswerSerializer(answer, context={"show_hidden": True}).data, status=status.HTTP_201_CREATED)


class HearingNoteApi(APIView):
    """The høringsnotat, once it is published (404 before)."""

    permission_classes = [AllowAny]

    @extend_schema(responses=NoteSerializer)
    def get(self, request, hearing_id: int):
        hearing = access_hearing_by_id(user=request.user, hearing_id=hearing_id)
        if not hearing.is_concluded:
            raise Http404
        counts = answer_counts(hearing=hearing)
        sections = [
            {
                "number": section.number,
                "title": section.title,
                "summary": section.note.summary,
                "comment": section.note.comment,
                "changes_draft": section.note.changes_draft,
            }
            for section in sections_of(hearing=hearing)
        ]
        data = {
            "hearing": hearing.id,
            "general": hearing.note_summary,
            "answers_total": counts.total,
            "answers_sensitive": counts.sensitive,
            "sections": sections,
            "pdf_url": request.build_absolute_uri(reverse("hearings:note-pdf", args=[hearing.id])),
            "concluded_at": hearing.concluded_at,
        }
        return Response(NoteSerializer(data).data)
