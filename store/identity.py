"""Keyed pseudonyms and encrypted delivery addresses: channel ids are never stored in clear."""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken


def pseudonymize(channel: str, external_id: str | int, key: str) -> str:
    """A stable, non-reversible pseudonym for one person on one channel (HMAC-SHA256)."""
    digest = hmac.new(key.encode(), f"{channel}:{external_id}".encode(), hashlib.sha256)
    return f"{channel[:2]}-{digest.hexdigest()[:40]}"


@cache
def _fernet(key: str) -> Fernet:
    material = hashlib.sha256(f"relais-address:{key}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(material))


def seal(value: str, key: str) -> str:
    """Encrypt a value that must be read back (a chat id to answer, a message waiting for Rasa)."""
    return _fernet(key).encrypt(value.encode()).decode()


def unseal(token: str, key: str) -> str | None:
    """Decrypt a sealed value; None when it was sealed with another key."""
    try:
        return _fernet(key).decrypt(token.encode()).decode()
    except InvalidToken:
        return None
