"""Start the local OpenID provider: `python devidp/serve.py --port 8051 --rp-url http://127.0.0.1:8050`.

Creates its state (SQLite database, RSA signing key) under DEVIDP_STATE_DIR on first start, registers
Borgerdialog's two demo clients with the callback URLs of each --rp-url, and serves until stopped.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# Always its own settings: `make run` starts it from a process that has set config.settings for the product.
os.environ["DJANGO_SETTINGS_MODULE"] = "devidp.settings"


def ensure_signing_key(state_dir: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    state_dir.mkdir(parents=True, exist_ok=True)
    key_file = state_dir / "signing-key.pem"
    if not key_file.exists():
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        key_file.write_bytes(pem)
        key_file.chmod(0o600)


def register_clients(rp_urls: list[str]) -> None:
    from allauth.idp.oidc.models import Client

    from devidp.clients import CLIENT_SECRET, CLIENTS

    for client_id, (_kind, callback_path) in CLIENTS.items():
        client, _ = Client.objects.get_or_create(id=client_id, defaults={"name": client_id})
        client.name = client_id
        client.type = Client.Type.CONFIDENTIAL
        client.skip_consent = True
        client.set_secret(CLIENT_SECRET)
        client.set_scopes(["openid", "profile", "email"])
        client.set_default_scopes(["openid", "profile", "email"])
        client.set_grant_types([Client.GrantType.AUTHORIZATION_CODE])
        client.set_response_types(["code"])
        client.set_redirect_uris([url.rstrip("/") + callback_path for url in rp_urls])
        client.set_post_logout_redirect_uris([url.rstrip("/") + "/" for url in rp_urls])
        client.save()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--rp-url", action="append", required=True, help="Borgerdialog's base URL (repeatable)")
    args = parser.parse_args()
    from django.conf import settings

    ensure_signing_key(settings.STATE_DIR)
    settings.IDP_OIDC_PRIVATE_KEY = (settings.STATE_DIR / "signing-key.pem").read_text()

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "--noinput", verbosity=0)
    register_clients(args.rp_url)

    import uvicorn
    from django.core.asgi import get_asgi_application

    uvicorn.run(get_asgi_application(), host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
