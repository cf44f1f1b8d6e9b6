"""Replies for web-chat pages to fetch (those produced after an outage, when no request waits)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import WebOutbox


def push(session: Session, pseudonym: str, payload: dict[str, Any]) -> None:
    """Queue one reply for a web-chat session."""
    session.add(WebOutbox(pseudonym=pseudonym, payload=payload))


def fetch_after(
    session: Session, pseudonym: str, after_id: int
) -> list[tuple[int, dict[str, Any]]]:
    """Replies with an id above `after_id`, oldest first."""
    query = (
        select(WebOutbox)
        .where(WebOutbox.pseudonym == pseudonym, WebOutbox.id > after_id)
        .order_by(WebOutbox.id)
    )
    return [(row.id, row.payload) for row in session.scalars(query)]
