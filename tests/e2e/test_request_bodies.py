"""Over real HTTP to uvicorn: a body too large for its door is refused before it is sent, and an upload door asks
its permission before it reads the body (a client that waits for `100 Continue` never has to send it)."""

import socket
import uuid

import pytest

from complaints.models import Complaint
from tests.conftest import api_token
from tests.files import PDF

pytestmark = pytest.mark.django_db(transaction=True)

MB = 1024 * 1024


def connect(live_stack) -> socket.socket:
    return socket.create_connection(("127.0.0.1", live_stack.port), timeout=10)


def read_head(sock: socket.socket) -> tuple[int, bytes]:
    """The status of the next response (an interim 100 included) and what came with it."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return int(data.split(b" ", 2)[1]), data


def multipart(title: str, content: bytes) -> tuple[str, bytes]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n{title}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="bilag.pdf"\r\n'
            f"Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return f"multipart/form-data; boundary={boundary}", body


def upload_head(complaint: Complaint, token: str, content_type: str, length: int) -> bytes:
    return (
        f"POST /api/complaints/{complaint.id}/attachments/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Token {token}\r\nContent-Type: {content_type}\r\nContent-Length: {length}\r\n"
        f"Expect: 100-continue\r\nAccept-Language: da\r\n\r\n"
    ).encode()


@pytest.fixture
def complaint(routed_complaint) -> Complaint:
    return routed_complaint


def test_a_100_mb_body_is_refused_before_it_is_sent(live_stack, complaint, other_citizen):
    sock = connect(live_stack)
    sock.sendall(upload_head(complaint, api_token(other_citizen), "multipart/form-data; boundary=x", 100 * MB))
    status, data = read_head(sock)
    while chunk := sock.recv(65536):
        data += chunk
    assert status == 413 and "for stor" in data.decode()  # not a byte of the body was sent


def test_an_upload_by_someone_who_may_not_is_refused_before_its_body(live_stack, complaint, other_citizen):
    content_type, _body = multipart("Lægeerklæring", PDF + b" " * (5 * MB))
    sock = connect(live_stack)
    sock.sendall(upload_head(complaint, api_token(other_citizen), content_type, len(_body)))
    status, _data = read_head(sock)
    assert status == 404  # no "100 Continue": the body was never asked for
    assert not complaint.attachments.exists()


def test_the_citizen_is_told_to_go_on_and_her_document_is_stored(live_stack, complaint, citizen):
    content_type, body = multipart("Lægeerklæring", PDF)
    sock = connect(live_stack)
    sock.sendall(upload_head(complaint, api_token(citizen), content_type, len(body)))
    assert read_head(sock)[0] == 100
    sock.sendall(body)
    assert read_head(sock)[0] == 201
    assert complaint.attachments.get().title == "Lægeerklæring"


def test_every_door_caps_its_body_also_when_it_comes_in_chunks(live_stack, citizen):
    token = api_token(citizen)
    sock = connect(live_stack)
    sock.sendall(
        f"POST /api/complaints/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token {token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {3 * MB}\r\n\r\n".encode()
    )
    assert read_head(sock)[0] == 413
    sock = connect(live_stack)
    sock.sendall(
        f"POST /api/complaints/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token {token}\r\n"
        f"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
    )
    chunk = b"x" * (256 * 1024)
    try:
        for _ in range(12):  # 3 MB in chunks, past the 2 MB cap
            sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server stopped listening: the refusal is waiting
    assert read_head(sock)[0] == 413
