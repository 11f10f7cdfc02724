"""Screenshots of the main pages at desktop width and at 375 px, for reviewing the look (`make screenshots`).

Serves the seeded demo (platform/local.py has migrated and seeded it) with uvicorn on a free port, logs in
as the demo's citizen, caseworker and secretary through the password form, and writes one full-page PNG per
page and width into .local/screenshots/ (not committed), named <who>-<page>-<width>.png.
"""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".local" / "screenshots"
WIDTHS = {"desktop": 1280, "375": 375}
PASSWORD = "borgerdialog"  # noqa: S105 (the demo accounts' published password)

# Who looks, and at which pages (a path, or a CSS selector of a link on the page before).
PAGES = {
    "public": [
        ("home", "/"),
        ("ideas", "/idetavler/"),
        ("committees", "/udvalg/"),
        ("hearings", "/hoeringer/"),
        ("figures", "/servicetal/"),
        ("accessibility", "/tilgaengelighedserklaering/"),
        ("privacy", "/privatlivspolitik/"),
        ("login", "/accounts/login/"),
    ],
    "borger@example.dk": [("start", "/start/"), ("complaint-form", "/klager/ny/"), ("notices", "/beskeder/")],
    "sagsbehandler@example.dk": [("start", "/start/"), ("first-task", "main a[href*='/opgaver/']")],
    "sekretaer@example.dk": [("start", "/start/"), ("first-meeting", "main a[href*='/moeder/']")],
}


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (the local server)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"nothing answers at {url}")


def shoot(base_url: str) -> int:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    written = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for who, pages in PAGES.items():
            for width_name, width in WIDTHS.items():
                context = browser.new_context(
                    base_url=base_url, locale="da-DK", viewport={"width": width, "height": 900}
                )
                page = context.new_page()
                if who != "public":
                    page.goto("/accounts/login/")
                    page.fill("input[name=username]", who)
                    page.fill("input[name=password]", PASSWORD)
                    page.locator("form:has(input[name=password]) button[type=submit]").click()
                    page.wait_for_load_state()
                for name, target in pages:
                    if target.startswith("/"):
                        page.goto(target)
                    else:
                        link = page.locator(target).first
                        if not link.count():
                            continue
                        page.goto(link.get_attribute("href"))
                    path = OUT / f"{who.split('@')[0]}-{name}-{width_name}.png"
                    page.screenshot(path=str(path), full_page=True)
                    written += 1
                context.close()
        browser.close()
    print(f"{written} screenshots in {OUT.relative_to(ROOT)}/")
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
