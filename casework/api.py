"""The legal track's REST API: a door like the pages, calling the same services and selectors."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from casework import services
from casework.models import Decision, Hearing, Reassessment
from casework.selectors import access_hearing_by_id, decisions_of, hearings_of
from casework.serializers import (
    ComplaintDecisionSerializer,
    ExtensionDecisionSerializer,
    ExtensionRequestSerializer,
    ForwardSerializer,
    HearingAnswerSerializer,
    HearingCreateSerializer,
    HearingSerializer,
    ReassessmentSerializer,
)
from complaints.selectors import access_complaint_by_id
from core.idempotency import IDEMPOTENCY_HEADER, request_once


def _complaint(request, complaint_id: int):
    return access_complaint_by_id(user=request.user, complaint_id=complaint_id, what="sag")


class ComplaintHearingsApi(APIView):
    @extend_schema(responses=HearingSerializer(many=True))
    def get(self, request, complaint_id: int):
        complaint = _complaint(request, complaint_id)
        return Response(HearingSerializer(hearings_of(complaint=complaint), many=True).data)

    @extend_schema(request=HearingCreateSerializer, responses={201: HearingSerializer}, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request, complaint_id: int):
        """Send a partshøring (forvaltningsloven § 19) or a question: `facts`, `deadline` (a date)."""
        complaint = _complaint(request, complaint_id)
        serializer = HearingCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        hearing = request_once(
            request,
            action="casework.send_hearing",
            model=Hearing,
            create=lambda: services.send_hearing(actor=request.user, complaint=complaint, **serializer.validated_data),
        )
        return Response(HearingSerializer(hearing).data, status=status.HTTP_201_CREATED)


class HearingDetailApi(APIView):
    @extend_schema(responses=HearingSerializer)
    def get(self, request, hearing_id: int):
        hearing = access_hearing_by_id(user=request.user, hearing_id=hearing_id)
        _complaint(request, hearing.complaint_id)
        return Response(HearingSerializer(hearing).data)


class HearingAnswerApi(APIView):
    @extend_schema(request=HearingAnswerSerializer, responses=HearingSerializer, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request, hearing_id: int):
        """The citizen's answer: `answer` (text) and `files` (multipart, up to five)."""
        hearing = access_hearing_by_id(user=request.user, hearing_id=hearing_id)
        serializer = HearingAnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        hearing = request_once(
            request,
            action="casework.hearing_answer",
            model=Hearing,
            create=lambda: services.answer_hearing(
                actor=request.user, hearing=hearing, answer=data["answer"], uploads=data["files"]
            ),
        )
        return Response(HearingSerializer(hearing).data)


class HearingExtensionApi(APIView):
    @extend_schema(request=ExtensionRequestSerializer, responses=HearingSerializer, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request, hearing_id: int):
        """The citizen asks for more time (forvaltningsloven § 21)."""
        hearing = access_hearing_by_id(user=request.user, hearing_id=hearing_id)
        serializer = ExtensionRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        hearing = request_once(
            request,
            action="casework.hearing_extension",
            model=Hearing,
            create=lambda: services.request_extension(actor=request.user, hearing=hearing, **serializer.validated_data),
        )
        return Response(HearingSerializer(hearing).data)


class HearingExtensionDecisionApi(APIView):
    @extend_schema(request=ExtensionDecisionSerializer, responses=HearingSerializer, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request, hearing_id: int):
        """The caseworker grants more time (a new `deadline`, default the date asked for) or refuses (`refusal`)."""
        hearing = access_hearing_by_id(user=request.user, hearing_id=hearing_id)
        serializer = ExtensionDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        hearing = request_once(
            request,
            action="casework.hearing_decide",
            model=Hearing,
            create=lambda: services.decide_extension(actor=request.user, hearing=hearing, **serializer.validated_data),
        )
        return Response(HearingSerializer(hearing).data)


class ComplaintDecisionsApi(APIView):
    @extend_schema(responses=ComplaintDecisionSerializer(many=True))
    def get(self, request, complaint_id: int):
        complaint = _complaint(request, complaint_id)
        return Response(ComplaintDecisionSerializer(decisions_of(complaint=complaint), many=True).data)

    @extend_schema(
        request=ComplaintDecisionSerializer,
        responses={201: ComplaintDecisionSerializer},
        parameters=[IDEMPOTENCY_HEADER],
    )
    def post(self, request, complaint_id: int):
        """Send a decision letter. Without `full_agreement`, `legal_rules`, `considerations`, `facts` and
        `complaint_guidance` are required (400 with field errors); `kind`: changed, upheld or new (default)."""
        complaint = _complaint(request, complaint_id)
        serializer = ComplaintDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        decision = request_once(
            request,
            action="casework.send_decision",
            model=Decision,
            create=lambda: services.send_decision(actor=request.user, complaint=complaint, **serializer.validated_data),
        )
        return Response(ComplaintDecisionSerializer(decision).data, status=status.HTTP_201_CREATED)


class ComplaintForwardApi(APIView):
    @extend_schema(request=ForwardSerializer, responses={201: ReassessmentSerializer}, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request, complaint_id: int):
        """Record the genvurdering of the upheld decision and forward the klagepakke to the appeals body."""
        complaint = _complaint(request, complaint_id)
        serializer = ForwardSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        reassessment = request_once(
            request,
            action="casework.forward_complaint",
            model=Reassessment,
            create=lambda: services.forward_complaint(
                actor=request.user, complaint=complaint, **serializer.validated_data
            ),
        )
        return Response(ReassessmentSerializer(reassessment).data, status=status.HTTP_201_CREATED)
