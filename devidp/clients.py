"""The relying parties the local provider knows, and which demo identities each may log in."""

import json
from pathlib import Path

IDENTITIES = json.loads((Path(__file__).parent / "identities.json").read_text(encoding="utf-8"))

# client id -> (kind of identities, the callback path at the relying party)
CLIENTS = {
    "borgerdialog-mitid": ("citizens", "/auth/oidc/mitid/login/callback/"),
    "borgerdialog-medarbejder": ("staff", "/auth/oidc/medarbejder/login/callback/"),
    # Another service at the same provider: its ID tokens are for another audience.
    "anden-tjeneste": ("citizens", "/auth/oidc/mitid/login/callback/"),
}
CLIENT_SECRET = "devidp-demo-secret"  # noqa: S105 - the local provider's demo clients only
