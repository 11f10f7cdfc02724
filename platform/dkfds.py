"""Fetch Det Fælles Designsystem (the npm package `dkfds`) into .local/dkfds, with Python alone.

The version and the integrity hash npm publishes for it (the registry metadata's dist.integrity,
sha512) are pinned here. The registry's metadata must still name that hash, and the tarball must
match it, before anything is unpacked; only the compiled CSS, JavaScript, fonts and images of
dist/ are kept (settings.STATICFILES_DIRS serves them under static/dkfds/). Nothing of the
package is committed. Run by `make` (the install stamp), platform/local.py, the Dockerfile.

    python platform/dkfds.py          # fetch unless the pinned version is already there
"""

import base64
import hashlib
import io
import json
import shutil
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "11.2.0"
INTEGRITY = "sha512-JuVf8NjEOeF+TKIhEFXa3BfZvk1ulQM8+XN+6QhgDo6kiwwvupyBY34YU4FglBeyFWHbE5mYDmnrcYTWOSKkEA=="
REGISTRY = "https://registry.npmjs.org"
KEEP = ("dist/css/", "dist/js/", "dist/fonts/", "dist/img/", "LICENSE.md")

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / ".local" / "dkfds"
STAMP = TARGET / f".dkfds-{VERSION}"


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (a fixed https URL)
        return response.read()


def _sri(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def fetch() -> Path:
    """Make .local/dkfds hold the pinned version; return the directory."""
    if STAMP.exists():
        return TARGET
    metadata = json.loads(_get(f"{REGISTRY}/dkfds/{VERSION}"))
    if metadata["dist"]["integrity"] != INTEGRITY:
        raise SystemExit(f"dkfds {VERSION}: the registry publishes {metadata['dist']['integrity']}, pinned {INTEGRITY}")
    tarball = _get(metadata["dist"]["tarball"])
    if _sri(tarball) != INTEGRITY:
        raise SystemExit(f"dkfds {VERSION}: the tarball does not match its published integrity hash")
    staging = TARGET.with_name("dkfds.partial")
    shutil.rmtree(staging, ignore_errors=True)
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive.getmembers():
            name = member.name.removeprefix("package/")
            if not member.isfile() or not name.startswith(KEEP):
                continue
            path = staging / name.removeprefix("dist/")
            if not path.resolve().is_relative_to(staging.resolve()):
                raise SystemExit(f"dkfds {VERSION}: refusing {member.name}")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(archive.extractfile(member).read())
    (staging / STAMP.name).write_text(INTEGRITY + "\n")
    shutil.rmtree(TARGET, ignore_errors=True)
    staging.rename(TARGET)
    print(f"dkfds {VERSION} fetched into {TARGET.relative_to(ROOT)}", file=sys.stderr)
    return TARGET


if __name__ == "__main__":
    fetch()
