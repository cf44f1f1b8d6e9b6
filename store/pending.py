"""Messages kept while Rasa is down, in arrival order, until they are answered."""

from __future__ import annotations

from sqlalchemy import delete, distinct, select
from sqlalchemy.orm import Session

from store.models import PendingMessage


def add_pending(
    session: Session, pseudonym: str, channel: str, text_enc: str, address_enc: str | None
) -> PendingMessage:
    """Keep one message (its text sealed) to answer later."""
    row = PendingMessage(
        pseudonym=pseudonym, channel=channel, text_enc=text_enc, address_enc=address_enc
    )
    session.add(row)
    session.flush()
    return row


def pending_for(session: Session, pseudonym: str) -> list[PendingMessage]:
    """The waiting messages of one young person, oldest first."""
    query = (
        select(PendingMessage)
        .where(PendingMessage.pseudonym == pseudonym)
        .order_by(PendingMessage.id)
    )
    return list(session.scalars(query))


def pseudonyms_with_pending(session: Session) -> list[str]:
    """Everyone who has a message waiting."""
    return list(session.scalars(select(distinct(PendingMessage.pseudonym))))


def drop_pending(session: Session, message_id: int) -> None:
    """Forget a message once it was answered."""
    session.execute(delete(PendingMessage).where(PendingMessage.id == message_id))
