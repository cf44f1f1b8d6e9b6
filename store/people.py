"""Young people: find or create by pseudonym, consent, opt-out, where they live."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Consent, YoungPerson, utcnow


def find_person(session: Session, pseudonym: str) -> YoungPerson | None:
    """The young person with this pseudonym, if known."""
    return session.scalars(select(YoungPerson).where(YoungPerson.pseudonym == pseudonym)).first()


def touch_person(
    session: Session, pseudonym: str, channel: str, address_enc: str | None = None
) -> YoungPerson:
    """Find or create the young person and mark them seen now (nothing else is stored)."""
    person = find_person(session, pseudonym)
    if person is None:
        person = YoungPerson(pseudonym=pseudonym, channel=channel, consent=Consent.PENDING)
        session.add(person)
    person.last_seen_at = utcnow()
    if address_enc is not None:
        person.address_enc = address_enc
    session.flush()
    return person


def set_consent(session: Session, pseudonym: str, channel: str, consent: Consent) -> YoungPerson:
    """Record the answer to the privacy notice."""
    person = touch_person(session, pseudonym, channel)
    person.consent = consent
    person.consent_at = utcnow()
    return person


def set_opted_out(session: Session, pseudonym: str, channel: str, opted_out: bool) -> YoungPerson:
    """Stop (or resume) proactive messages to this young person."""
    person = touch_person(session, pseudonym, channel)
    person.opted_out = opted_out
    person.opted_out_at = utcnow() if opted_out else None
    return person


def set_location(
    session: Session, pseudonym: str, commune_insee: str | None, ml_code: str | None
) -> bool:
    """Remember where the young person lives, only if they consented; True when stored."""
    person = find_person(session, pseudonym)
    if person is None or person.consent is not Consent.GIVEN:
        return False
    person.commune_insee = commune_insee
    person.ml_code = ml_code
    return True
