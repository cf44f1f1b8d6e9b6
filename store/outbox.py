"""Replies for web-chat pages to fetch (those produced after an outage, when no request waits).

A page fetches its late replies when it polls or sends its next message; one that has not come
back within ``RETENTION`` never will (its session lives in the browser tab), so older replies are
deleted rather than kept indefinitely.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from store.models import WebOutbox, utcnow

RETENTION = timedelta(days=7)


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


def purge_expired(session: Session, now: datetime | None = None) -> int:
    """Delete the replies older than ``RETENTION``; returns how many went."""
    cutoff = (now or utcnow()) - RETENTION
    result = session.execute(delete(WebOutbox).where(WebOutbox.created_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)
