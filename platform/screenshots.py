"""Screenshots of every page family at desktop width and at 375 px, for reviewing the look (`make screenshots`).

Serves the seeded demo (platform/local.py has migrated and seeded it) with uvicorn on a free port. Each demo role
logs in through the password form and walks the product from its start page by its links, as the phone-width test
does (tests/crawl.py: one address per URL name); a page family is shot once, by the first role that reaches it.
One full-page PNG per page and width goes into .local/screenshots/ (not committed), named
<nn>-<who>-<url name>-<width>.png in the order walked, with index.txt listing the addresses.
"""

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".local" / "screenshots"
WIDTHS = {"desktop": 1280, "375": 375}
PASSWORD = "borgerdialog"  # noqa: S105 (the demo accounts' published password)
PAGES_PER_ROLE = 40
# Who looks, in this order (None: nobody logged in).
ROLES = [
    None,
    "borger@example.dk",
    "paaroerende@example.dk",
    "sagsbehandler@example.dk",
    "leder@example.dk",
    "borgerservice@example.dk",
    "sekretaer@example.dk",
    "formand@example.dk",
    "aeldreraad@example.dk",
    "faellesskaberne@example.dk",
    "moderator@example.dk",
]
# Files (iCalendar, PDF, CSV, a download of her data) are downloads, not pages.
A_FILE = re.compile(r"\.[a-z]{2,4}$|/hent/$")


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (the local server)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"nothing answers at {url}")


class Shown:
    """What tests/crawl.py reads of an answer, from the browser's page."""

    def __init__(self, response, html: str):
        self.status_code = response.status if response else 0
        self.headers = response.headers if response else {}
        self.content = html.encode()

    def get(self, name: str, default: str = "") -> str:
        return self.headers.get(name.lower(), default)


def log_in(page, who: str) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=username]", who)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form:has(input[name=password]) button[type=submit]").click()
    page.wait_for_load_state()


def walk(browser, base_url: str, who: str | None, shot: set[str], index: list[str]) -> None:
    """Shoot, at both widths, each page family `who` reaches that no earlier role was shot on."""
    from tests.crawl import crawl, family

    contexts = {
        name: browser.new_context(base_url=base_url, locale="da-DK", viewport={"width": width, "height": 900})
        for name, width in WIDTHS.items()
    }
    pages = {name: context.new_page() for name, context in contexts.items()}
    if who:
        for page in pages.values():
            log_in(page, who)

    def answer(url):
        parts = urlsplit(url)
        if A_FILE.search(parts.path) or "format=" in parts.query:
            return Shown(None, "")
        response = pages["desktop"].goto(url)
        name = family(parts.path)
        html = response and "text/html" in response.headers.get("content-type", "")
        if html and response.status == 200 and name not in shot:
            shot.add(name)
            number = f"{len(index) + 1:03d}"
            index.append(f"{number} {who or 'public'} {url}")
            for width_name, page in pages.items():
                if width_name != "desktop":
                    page.goto(url)
                slug = name.replace(":", "-")
                page.screenshot(
                    path=str(OUT / f"{number}-{(who or 'public').split('@')[0]}-{slug}-{width_name}.png"),
                    full_page=True,
                )
        return Shown(response, pages["desktop"].content())

    crawl(None, pages=PAGES_PER_ROLE, answer=answer)
    for context in contexts.values():
        context.close()


def shoot(base_url: str) -> int:
    import django
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()  # the walk names each address by the URL name that answers it
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    shot, index = set(), []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for who in ROLES:
            walk(browser, base_url, who, shot, index)
        browser.close()
    (OUT / "index.txt").write_text("\n".join(index) + "\n")
    print(f"{len(index)} pages at {len(WIDTHS)} widths in {OUT.relative_to(ROOT)}/")
    return 0


def main(bin_dir: Path, port: int) -> int:
    server = subprocess.Popen(
        [str(bin_dir / "uvicorn"), "config.asgi:application", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=os.environ,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        return shoot(f"http://127.0.0.1:{port}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main(Path(sys.executable).parent, int(sys.argv[1]) if len(sys.argv) > 1 else 8765))
