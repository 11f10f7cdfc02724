"""The local OpenID provider (devidp/) as a separate process for the tests, and a user agent for it."""

import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import requests

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_devidp(*rp_urls: str):
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="devidp-") as state_dir:
        args = [sys.executable, str(ROOT / "devidp" / "serve.py"), "--port", str(port)]
        for url in rp_urls:
            args += ["--rp-url", url]
        process = subprocess.Popen(
            args, cwd=ROOT, env={"DEVIDP_STATE_DIR": state_dir, "PATH": "/usr/bin:/bin"}, start_new_session=True
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                if process.poll() is not None:
                    raise RuntimeError("the local OpenID provider did not start")
                try:
                    if requests.get(f"{url}/.well-known/openid-configuration", timeout=5).ok:
                        break
                except (requests.ConnectionError, requests.Timeout):  # not listening yet, or slow to answer under load
                    time.sleep(0.1)
            yield DevIdp(url=url, state_dir=Path(state_dir))
        finally:
            process.terminate()
            process.wait(timeout=10)


class DevIdp:
    def __init__(self, *, url: str, state_dir: Path):
        self.url = url
        self.state_dir = state_dir

    @property
    def signing_key_pem(self) -> bytes:
        return (self.state_dir / "signing-key.pem").read_bytes()

    def pick(self, authorize_url: str, *, sub: str, level: str = "substantial", session=None) -> str:
        """Follow the RP's redirect to the provider as a browser would, pick an identity; returns the
        callback URL (with code and state) that the provider sends the browser back to."""
        agent = session or requests.Session()
        page = agent.get(authorize_url, allow_redirects=True, timeout=10)
        page.raise_for_status()
        assert "/vaelg-identitet/" in page.url, page.url
        next_url = parse_qs(urlsplit(page.url).query)["next"][0]
        csrf = agent.cookies.get("devidp_csrftoken")
        answer = agent.post(
            page.url,
            data={"csrfmiddlewaretoken": csrf, "next": next_url, "sub": sub, "level": level},
            headers={"Referer": page.url},
            allow_redirects=False,
            timeout=10,
        )
        assert answer.status_code == 302, answer.text[:500]
        # The provider redirects to its authorize endpoint, which redirects back to the RP.
        location = answer.headers["Location"]
        while location.startswith("/") or location.startswith(self.url):
            target = location if location.startswith("http") else self.url + location
            hop = agent.get(target, allow_redirects=False, timeout=10)
            assert hop.status_code == 302, hop.text[:500]
            location = hop.headers["Location"]
        return location
