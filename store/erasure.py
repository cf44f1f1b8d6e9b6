"""Erasure on request: every application row and every Rasa tracker event of one pseudonym."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import CursorResult, delete, inspect, text
from sqlalchemy.orm import Session

from store.models import PendingMessage, WebOutbox, YoungPerson

RASA_EVENTS_TABLE = "events"


@dataclass(frozen=True)
class ErasureReport:
    """How many rows went, table by table group."""

    young_people: int
    pending: int
    tracker_events: int


def erase_person(session: Session, pseudonym: str) -> ErasureReport:
    """Delete everything known about `pseudonym`; messages, needs and handoffs go by cascade."""
    person = session.query(YoungPerson).filter_by(pseudonym=pseudonym).one_or_none()
    people = 0
    if person is not None:
        session.delete(person)
        people = 1
    pending: CursorResult[Any] = session.execute(  # type: ignore[assignment]
        delete(PendingMessage).where(PendingMessage.pseudonym == pseudonym)
    )
    session.execute(delete(WebOutbox).where(WebOutbox.pseudonym == pseudonym))
    events = 0
    bind = session.get_bind()
    if inspect(bind).has_table(RASA_EVENTS_TABLE):
        deleted: CursorResult[Any] = session.execute(  # type: ignore[assignment]
            text(f"DELETE FROM {RASA_EVENTS_TABLE} WHERE sender_id = :sender"),
            {"sender": pseudonym},
        )
        events = deleted.rowcount
    session.flush()
    return ErasureReport(young_people=people, pending=pending.rowcount, tracker_events=events)
