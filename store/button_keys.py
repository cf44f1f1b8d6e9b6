"""Short keys for Rasa button payloads: Telegram allows only 64 bytes of callback data."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import ButtonPayload


def remember_payloads(session: Session, payloads: Mapping[str, str]) -> None:
    """Store each `key → payload` not stored yet (a key derives from its payload: no clash)."""
    if not payloads:
        return
    known = set(
        session.scalars(select(ButtonPayload.key).where(ButtonPayload.key.in_(list(payloads))))
    )
    for key, payload in payloads.items():
        if key not in known:
            session.add(ButtonPayload(key=key, payload=payload))
    session.flush()


def payload_for(session: Session, key: str) -> str | None:
    """The payload stored under `key`, None when unknown."""
    row = session.get(ButtonPayload, key)
    return row.payload if row is not None else None
