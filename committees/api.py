"""The meetings and agenda REST API: a door like the pages, calling the same services and selectors.

Reading follows the same rules as the pages (the public reads published
agendas and minutes, members also drafts); writing is the secretary's.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Committee
from accounts.selectors import access_own_committee_by_slug
from committees import services
from committees.models import AgendaItem, Attachment, Meeting
from committees.selectors import (
    access_item_by_id,
    access_meeting_by_id,
    access_own_item_by_id,
    access_own_meeting_by_id,
    agenda_items_for,
    meetings_of,
    proposal_queue,
)
from committees.serializers import (
    AgendaItemSerializer,
    AgendaItemWriteSerializer,
    AttachmentSerializer,
    AttachmentUploadSerializer,
    DecisionSerializer,
    MeetingCreateSerializer,
    MeetingDetailSerializer,
    MeetingSerializer,
    MeetingWriteSerializer,
    MoveSerializer,
    PlaceProposalSerializer,
    ProposalSerializer,
)
from core.idempotency import IDEMPOTENCY_HEADER, request_once


class ReadForAllWriteForUsers(APIView):
    def get_permissions(self):
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]


def _item_data(request, item) -> dict:
    """An item as the caller may read it: read again through the selector, so its attachments are the visible ones."""
    item = access_item_by_id(user=request.user, item_id=item.id)
    return AgendaItemSerializer(item, context={"request": request}).data


def _meeting_detail(request, meeting) -> dict:
    items = agenda_items_for(user=request.user, meeting=meeting)
    return MeetingDetailSerializer(meeting, context={"request": request, "items": items}).data


class MeetingListCreateApi(ReadForAllWriteForUsers):
    @extend_schema(
        parameters=[OpenApiParameter("committee", str, required=True, description="the committee's slug")],
        responses=MeetingSerializer(many=True),
    )
    def get(self, request):
        committee = get_object_or_404(Committee, slug=request.query_params.get("committee", ""))
        return Response(MeetingSerializer(meetings_of(committee=committee)[:200], many=True).data)

    @extend_schema(request=MeetingCreateSerializer, responses={201: MeetingSerializer}, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request):
        """Plan a meeting. Sent again with the same `Idempotency-Key`, the answer is the meeting planned first."""
        serializer = MeetingCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = request_once(
            request,
            action="committees.create_meeting",
            model=Meeting,
            create=lambda: services.create_meeting(actor=request.user, **serializer.validated_data),
        )
        return Response(MeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)


class MeetingDetailApi(ReadForAllWriteForUsers):
    @extend_schema(responses=MeetingDetailSerializer)
    def get(self, request, meeting_id: int):
        return Response(_meeting_detail(request, access_meeting_by_id(meeting_id=meeting_id)))

    @extend_schema(request=MeetingWriteSerializer, responses=MeetingSerializer)
    def put(self, request, meeting_id: int):
        meeting = access_own_meeting_by_id(user=request.user, meeting_id=meeting_id)
        serializer = MeetingWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = services.update_meeting(actor=request.user, meeting=meeting, **serializer.validated_data)
        return Response(MeetingSerializer(meeting).data)


MEETING_ACTIONS = {
    "publish-agenda": services.publish_agenda,
    "held": services.mark_meeting_held,
    "publish-minutes": services.publish_minutes,
}


class MeetingActionApi(APIView):
    """publish-agenda, held, publish-minutes."""

    action_name = ""

    @extend_schema(request=None, responses=MeetingDetailSerializer)
    def post(self, request, meeting_id: int):
        meeting = access_own_meeting_by_id(user=request.user, meeting_id=meeting_id)
        meeting = MEETING_ACTIONS[self.action_name](actor=request.user, meeting=meeting)
        return Response(_meeting_detail(request, meeting))


class MeetingItemsApi(ReadForAllWriteForUsers):
    @extend_schema(responses=AgendaItemSerializer(many=True))
    def get(self, request, meeting_id: int):
        meeting = access_meeting_by_id(meeting_id=meeting_id)
        items = agenda_items_for(user=request.user, meeting=meeting)
        return Response(AgendaItemSerializer(items, many=True, context={"request": request}).data)

    @extend_schema(
        request=AgendaItemWriteSerializer, responses={201: AgendaItemSerializer}, parameters=[IDEMPOTENCY_HEADER]
    )
    def post(self, request, meeting_id: int):
        """Add an item. Sent again with the same `Idempotency-Key`, the answer is the item added first."""
        meeting = access_own_meeting_by_id(user=request.user, meeting_id=meeting_id)
        serializer = AgendaItemWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = request_once(
            request,
            action="committees.add_item",
            model=AgendaItem,
            create=lambda: services.add_item(actor=request.user, meeting=meeting, **serializer.validated_data),
        )
        return Response(_item_data(request, item), status=status.HTTP_201_CREATED)


class AgendaItemDetailApi(ReadForAllWriteForUsers):
    @extend_schema(responses=AgendaItemSerializer)
    def get(self, request, item_id: int):
        item = access_item_by_id(user=request.user, item_id=item_id)
        return Response(AgendaItemSerializer(item, context={"request": request}).data)

    @extend_schema(request=AgendaItemWriteSerializer, responses=AgendaItemSerializer)
    def patch(self, request, item_id: int):
        item = access_own_item_by_id(user=request.user, item_id=item_id)
        serializer = AgendaItemWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        item = services.update_item(actor=request.user, item=item, **serializer.validated_data)
        return Response(_item_data(request, item))

    @extend_schema(responses={204: None})
    def delete(self, request, item_id: int):
        services.remove_item(actor=request.user, item=access_own_item_by_id(user=request.user, item_id=item_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class AgendaItemMoveApi(APIView):
    @extend_schema(request=MoveSerializer, responses=AgendaItemSerializer)
    def post(self, request, item_id: int):
        item = access_own_item_by_id(user=request.user, item_id=item_id)
        serializer = MoveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.move_item(actor=request.user, item=item, **serializer.validated_data)
        return Response(_item_data(request, item))


class AgendaItemDecisionApi(APIView):
    @extend_schema(request=DecisionSerializer, responses=AgendaItemSerializer)
    def post(self, request, item_id: int):
        item = access_own_item_by_id(user=request.user, item_id=item_id)
        serializer = DecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.record_decision(actor=request.user, item=item, **serializer.validated_data)
        return Response(_item_data(request, item))


class AgendaItemAttachmentsApi(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request=AttachmentUploadSerializer, responses={201: AttachmentSerializer}, parameters=[IDEMPOTENCY_HEADER]
    )
    def post(self, request, item_id: int):
        """Add a Bilag. Sent again with the same `Idempotency-Key`, the answer is the Bilag added first."""
        item = access_own_item_by_id(user=request.user, item_id=item_id)
        serializer = AttachmentUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        attachment = request_once(
            request,
            action="committees.add_attachment",
            model=Attachment,
            create=lambda: services.add_attachment(
                actor=request.user, item=item, title=data["title"], upload=data["file"], is_internal=data["is_internal"]
            ),
        )
        return Response(AttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)


class ProposalListApi(APIView):
    """The committee's queue of proposals (its members)."""

    @extend_schema(responses=ProposalSerializer(many=True))
    def get(self, request, slug: str):
        committee = access_own_committee_by_slug(user=request.user, slug=slug)
        if not rules.has_perm("committees.view_proposals", request.user, committee):
            raise PermissionDenied
        return Response(ProposalSerializer(proposal_queue(committee=committee), many=True).data)


class MeetingProposalsApi(APIView):
    """Place a proposal from the queue on a planned meeting (the secretary)."""

    @extend_schema(
        request=PlaceProposalSerializer, responses={201: AgendaItemSerializer}, parameters=[IDEMPOTENCY_HEADER]
    )
    def post(self, request, meeting_id: int):
        """Place a proposal. Sent again with the same `Idempotency-Key`, the answer is the item placed first."""
        meeting = access_own_meeting_by_id(user=request.user, meeting_id=meeting_id)
        serializer = PlaceProposalSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = request_once(
            request,
            action="committees.place_proposal",
            model=AgendaItem,
            create=lambda: services.place_proposal(actor=request.user, meeting=meeting, **serializer.validated_data),
        )
        return Response(_item_data(request, item), status=status.HTTP_201_CREATED)
