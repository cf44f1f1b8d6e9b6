"""What a conversation leaves once the young person consented: messages, needs, handoffs."""

from __future__ import annotations

from sqlalchemy.orm import Session

from store.models import (
    Consent,
    Direction,
    HandoffRequest,
    Message,
    Need,
    YoungPerson,
)
from store.people import find_person


def record_message(
    session: Session,
    person: YoungPerson,
    direction: Direction,
    text: str | None,
    intent: str | None = None,
    confidence: float | None = None,
) -> Message | None:
    """Log one message; nothing is kept before consent."""
    if person.consent is not Consent.GIVEN:
        return None
    message = Message(
        young_person_id=person.id,
        direction=direction,
        channel=person.channel,
        text=text,
        intent=intent,
        confidence=confidence,
    )
    session.add(message)
    return message


def record_need(
    session: Session, pseudonym: str, need: str, commune_insee: str | None, ml_code: str | None
) -> Need | None:
    """Log an expressed need; nothing is kept before consent."""
    person = find_person(session, pseudonym)
    if person is None or person.consent is not Consent.GIVEN:
        return None
    row = Need(young_person_id=person.id, need=need, commune_insee=commune_insee, ml_code=ml_code)
    session.add(row)
    return row


def create_handoff(
    session: Session,
    person: YoungPerson,
    *,
    ml_code: str | None,
    need: str | None,
    commune_insee: str | None,
    summary: str,
) -> HandoffRequest:
    """Open a request for a counsellor (the young person agreed to share need, commune, summary)."""
    request = HandoffRequest(
        young_person_id=person.id,
        ml_code=ml_code,
        need=need,
        commune_insee=commune_insee,
        consent=True,
        summary=summary,
    )
    session.add(request)
    session.flush()
    return request
