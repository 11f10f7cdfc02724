"""The complaint REST API: a door like the pages, calling the same services and selectors."""

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from complaints import services
from complaints.models import Complaint, ComplaintAttachment, ContactLog, Representation
from complaints.selectors import (
    access_assisted_complaint_by_id,
    access_complaint_by_id,
    access_representation_by_id,
    access_task_by_id,
    complaint_attachments,
    complaints_visible_to,
    inbox_for,
    may_attach_to,
    representations_given,
    representations_held,
)
from complaints.serializers import (
    AssistedComplaintCreateSerializer,
    CloseComplaintSerializer,
    ComplaintAttachmentSerializer,
    ComplaintCreateSerializer,
    ComplaintDetailSerializer,
    ComplaintSummarySerializer,
    ContactLogSerializer,
    ContactTaskSerializer,
    GrantRepresentationSerializer,
    PaperRepresentationSerializer,
    ReassignSerializer,
    RepresentationSerializer,
    complaint_summary_payload,
)
from core.idempotency import IDEMPOTENCY_HEADER, request_once
from dialogue.serializers import MessageSerializer


class ComplaintListCreateApi(APIView):
    @extend_schema(responses=ComplaintSummarySerializer(many=True))
    def get(self, request):
        complaints = complaints_visible_to(user=request.user)[:200]
        return Response(ComplaintSummarySerializer(complaints, many=True).data)

    @extend_schema(
        request=ComplaintCreateSerializer, responses={201: ComplaintSummarySerializer}, parameters=[IDEMPOTENCY_HEADER]
    )
    def post(self, request):
        """File a complaint. Sent again with the same `Idempotency-Key`, the answer is the complaint filed first."""
        serializer = ComplaintCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        complaint = request_once(
            request,
            action="complaints.file_complaint",
            model=Complaint,
            create=lambda: services.file_complaint(citizen=request.user, **serializer.validated_data),
        )
        return Response(complaint_summary_payload(complaint), status=status.HTTP_201_CREATED)


class AssistedComplaintApi(APIView):
    @extend_schema(
        request=AssistedComplaintCreateSerializer,
        responses={201: ComplaintSummarySerializer},
        parameters=[IDEMPOTENCY_HEADER],
    )
    def post(self, request):
        """Citizen service files a complaint for a citizen; the answer carries her one-time claim code, once.
        Sent again with the same `Idempotency-Key`, the answer is the complaint filed first with `claim_code` null
        (the code is shown once; `POST …/new-code/` makes a new one)."""
        serializer = AssistedComplaintCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        codes = []

        def create():
            complaint, code = services.file_complaint_for_citizen(actor=request.user, **serializer.validated_data)
            codes.append(code)
            return complaint

        complaint = request_once(
            request,
            action="complaints.file_complaint_for_citizen",
            model=Complaint,
            create=create,
        )
        data = {**complaint_summary_payload(complaint), "claim_code": codes[0] if codes else None}
        return Response(data, status=status.HTTP_201_CREATED)


class AssistedNewCodeApi(APIView):
    @extend_schema(request=None, responses={200: dict})
    def post(self, request, complaint_id: int):
        """A new claim code for the citizen (the old one stops working)."""
        complaint = access_assisted_complaint_by_id(user=request.user, complaint_id=complaint_id)
        return Response({"claim_code": services.renew_claim_code(actor=request.user, complaint=complaint)})


class ComplaintDetailApi(APIView):
    @extend_schema(responses=ComplaintDetailSerializer)
    def get(self, request, complaint_id: int):
        complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
        return Response(ComplaintDetailSerializer(complaint).data)


class ComplaintAttachmentsApi(APIView):
    parser_classes = [MultiPartParser, FormParser]
    body_permission = staticmethod(may_attach_to)  # core.bodies: asked before the body is read
    max_body_bytes = settings.ONE_ATTACHMENT_REQUEST_MAX_BYTES

    @extend_schema(responses=ComplaintAttachmentSerializer(many=True))
    def get(self, request, complaint_id: int):
        """The case's documents (to the citizen and her department's staff; staff reads are logged)."""
        complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id, what="bilag")
        return Response(ComplaintAttachmentSerializer(complaint_attachments(complaint=complaint), many=True).data)

    @extend_schema(
        request=ComplaintAttachmentSerializer,
        responses={201: ComplaintAttachmentSerializer},
        parameters=[IDEMPOTENCY_HEADER],
    )
    def post(self, request, complaint_id: int):
        """Add a document (multipart: `title`, `file`, optional `kind`: decision or document). Sent again with the
        same `Idempotency-Key`, the answer is the document added first."""
        complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
        if not rules.has_perm("complaints.attach_to_complaint", request.user, complaint):
            raise PermissionDenied  # before the body is parsed
        serializer = ComplaintAttachmentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        attachment = request_once(
            request,
            action="complaints.add_complaint_attachment",
            model=ComplaintAttachment,
            create=lambda: services.add_complaint_attachment(
                actor=request.user,
                complaint=complaint,
                title=data["title"],
                upload=data["file"],
                kind=data.get("kind", "document"),
            ),
        )
        return Response(ComplaintAttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)


class ComplaintCloseApi(APIView):
    @extend_schema(request=CloseComplaintSerializer, responses=ComplaintDetailSerializer)
    def post(self, request, complaint_id: int):
        complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
        serializer = CloseComplaintSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        complaint = services.close_complaint(actor=request.user, complaint=complaint, **serializer.validated_data)
        return Response(ComplaintDetailSerializer(complaint).data)


class ContactShareApi(APIView):
    @extend_schema(request=None, responses=MessageSerializer)
    def post(self, request, complaint_id: int, log_id: int):
        """Share a logged contact's summary in the complaint's thread (once; again returns the same message)."""
        complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
        log = get_object_or_404(complaint.contact_logs, id=log_id)
        message = services.share_contact_summary(actor=request.user, contact_log=log)
        return Response(MessageSerializer(message, context={"can_moderate": True}).data)


class TaskListApi(generics.ListAPIView):
    serializer_class = ContactTaskSerializer

    def get_queryset(self):
        return inbox_for(user=self.request.user)


class TaskContactApi(APIView):
    @extend_schema(request=ContactLogSerializer, responses={201: ContactLogSerializer}, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request, task_id: int):
        """Log the contact. Sent again with the same `Idempotency-Key`, the answer is the contact logged first."""
        task = access_task_by_id(user=request.user, task_id=task_id)
        serializer = ContactLogSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        log = request_once(
            request,
            action="complaints.log_contact",
            model=ContactLog,
            create=lambda: services.log_contact(actor=request.user, task=task, **serializer.validated_data),
        )
        return Response(ContactLogSerializer(log).data, status=status.HTTP_201_CREATED)


class TaskReassignApi(APIView):
    @extend_schema(request=ReassignSerializer, responses=ContactTaskSerializer)
    def post(self, request, task_id: int):
        task = access_task_by_id(user=request.user, task_id=task_id)
        serializer = ReassignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        task = services.reassign_task(actor=request.user, task=task, **serializer.validated_data)
        return Response(ContactTaskSerializer(task).data)


class RepresentationListCreateApi(APIView):
    @extend_schema(responses=RepresentationSerializer(many=True))
    def get(self, request):
        """The powers of attorney you have given and those you hold, newest first."""
        representations = (representations_given(user=request.user) | representations_held(user=request.user))[:200]
        return Response(RepresentationSerializer(representations, many=True).data)

    @extend_schema(
        request=GrantRepresentationSerializer,
        responses={201: RepresentationSerializer},
        parameters=[IDEMPOTENCY_HEADER],
    )
    def post(self, request):
        """Give someone fuldmagt for one of your complaints (or all): it waits for her to accept. Sent again with
        the same `Idempotency-Key`, the answer is the one given first."""
        serializer = GrantRepresentationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        representation = request_once(
            request,
            action="complaints.grant_representation",
            model=Representation,
            create=lambda: services.grant_representation(citizen=request.user, **serializer.validated_data),
        )
        return Response(RepresentationSerializer(representation).data, status=status.HTTP_201_CREATED)


class RepresentationDetailApi(APIView):
    @extend_schema(responses=RepresentationSerializer)
    def get(self, request, representation_id: int):
        representation = access_representation_by_id(user=request.user, representation_id=representation_id)
        return Response(RepresentationSerializer(representation).data)


class RepresentationAnswerApi(APIView):
    accept = True

    @extend_schema(request=None, responses=RepresentationSerializer)
    def post(self, request, representation_id: int):
        """The representative accepts (or declines) a power of attorney given to her."""
        representation = access_representation_by_id(user=request.user, representation_id=representation_id)
        representation = services.answer_representation(
            actor=request.user, representation=representation, accept=self.accept
        )
        return Response(RepresentationSerializer(representation).data)


class RepresentationRevokeApi(APIView):
    @extend_schema(request=None, responses=RepresentationSerializer)
    def post(self, request, representation_id: int):
        """End it: the citizen revokes, the representative steps down, or staff of the complaint's department."""
        representation = access_representation_by_id(user=request.user, representation_id=representation_id)
        representation = services.end_representation(actor=request.user, representation=representation)
        return Response(RepresentationSerializer(representation).data)


class ComplaintRepresentationApi(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        request=PaperRepresentationSerializer,
        responses={201: RepresentationSerializer},
        parameters=[IDEMPOTENCY_HEADER],
    )
    def post(self, request, complaint_id: int):
        """Staff record a paper fuldmagt for the complaint (multipart, with the scanned document). Sent again with
        the same `Idempotency-Key`, the answer is the one recorded first."""
        complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
        serializer = PaperRepresentationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        representation = request_once(
            request,
            action="complaints.record_paper_representation",
            model=Representation,
            create=lambda: services.record_paper_representation(
                actor=request.user,
                complaint=complaint,
                representative_email=data["representative_email"],
                valid_from=data["valid_from"],
                valid_until=data["valid_until"],
                title=data["title"],
                upload=data["file"],
            ),
        )
        return Response(RepresentationSerializer(representation).data, status=status.HTTP_201_CREATED)
