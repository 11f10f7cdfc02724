"""The thread REST API: a door like the page and the socket, with the same services and rules."""

import rules
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from dialogue import services
from dialogue.selectors import access_thread_by_id, messages_after
from dialogue.serializers import (
    AfterSerializer,
    MessagePostSerializer,
    MessageSerializer,
    ReadSerializer,
    ThreadSerializer,
)

PAGE_SIZE = 500


class ThreadApi(APIView):
    @extend_schema(responses=ThreadSerializer)
    def get(self, request, thread_id: int):
        thread = access_thread_by_id(user=request.user, thread_id=thread_id, what="Samtale (API)")
        return Response(ThreadSerializer(thread).data)


class MessageListCreateApi(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("after", int, description="Only messages after this message id (0: all).")],
        responses=inline_serializer(
            "MessagePage", {"results": MessageSerializer(many=True), "has_more": serializers.BooleanField()}
        ),
    )
    def get(self, request, thread_id: int):
        """The thread's messages after `after`, oldest first, at most 500; with `has_more`, ask again after the
        last one."""
        thread = access_thread_by_id(user=request.user, thread_id=thread_id, what="Samtale (API)")
        params = AfterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        messages = list(messages_after(thread=thread, after=params.validated_data["after"])[: PAGE_SIZE + 1])
        context = {"can_moderate": rules.has_perm("dialogue.moderate", request.user, thread)}
        return Response(
            {
                "results": MessageSerializer(messages[:PAGE_SIZE], many=True, context=context).data,
                "has_more": len(messages) > PAGE_SIZE,
            }
        )

    @extend_schema(request=MessagePostSerializer, responses={201: MessageSerializer, 200: MessageSerializer})
    def post(self, request, thread_id: int):
        """Post a message: 201 when stored, 200 with the stored message when this client_id was sent before."""
        thread = access_thread_by_id(user=request.user, thread_id=thread_id, what="Samtale (API)")
        serializer = MessagePostSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        message, created = services.post_message(
            author=request.user,
            thread=thread,
            body=data["body"],
            client_id=data["client_id"],
            kind=data["kind"],
            reply_to_id=data["reply_to"],
        )
        context = {"can_moderate": rules.has_perm("dialogue.moderate", request.user, thread)}
        return Response(
            MessageSerializer(message, context=context).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class ReadApi(APIView):
    @extend_schema(request=ReadSerializer, responses={204: None})
    def post(self, request, thread_id: int):
        """Mark the thread read up to and including message `up_to`."""
        thread = access_thread_by_id(user=request.user, thread_id=thread_id, what="Samtale (API)")
        serializer = ReadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.mark_read(user=request.user, thread=thread, up_to=serializer.validated_data["up_to"])
        return Response(status=status.HTTP_204_NO_CONTENT)
