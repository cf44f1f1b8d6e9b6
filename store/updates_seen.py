"""Telegram update ids already handled, so an update delivered twice is processed once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from store.models import ProcessedUpdate


def mark_seen(session: Session, update_id: int) -> bool:
    """Record `update_id`; False when it was already there.

    A concurrent insert of the same id raises `IntegrityError` at flush: the caller treats it
    as already seen.
    """
    if session.get(ProcessedUpdate, update_id) is not None:
        return False
    session.add(ProcessedUpdate(update_id=update_id))
    session.flush()
    return True


def forget_seen_before(session: Session, cutoff: datetime) -> int:
    """Delete ids received before `cutoff`; returns how many.

    Telegram restarts update ids at random after a week without updates: old ids must go.
    """
    result = session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.received_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)
