"""Typed SQLAlchemy models of the application tables (Rasa keeps its `events` table beside)."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """The current time, timezone-aware."""
    return datetime.now(UTC)


def _values(enum_type: type[enum.Enum]) -> list[str]:
    """Store enum values ("given"), not member names ("GIVEN")."""
    return [str(member.value) for member in enum_type]


class Base(DeclarativeBase):
    """Declarative base of every application table."""


class Consent(enum.StrEnum):
    """Whether the young person accepted the privacy notice."""

    PENDING = "pending"
    GIVEN = "given"
    REFUSED = "refused"


class Direction(enum.StrEnum):
    """Who wrote a message."""

    IN = "in"
    OUT = "out"


class HandoffStatus(enum.StrEnum):
    """Where a request for a human counsellor stands."""

    OPEN = "open"
    CLAIMED = "claimed"
    CLOSED = "closed"


class YoungPerson(Base):
    """One young person on one channel, known only by a keyed pseudonym."""

    __tablename__ = "young_people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    # Encrypted delivery address (Telegram chat id), needed to write back when Rasa was down.
    address_enc: Mapped[str | None] = mapped_column(Text)
    consent: Mapped[Consent] = mapped_column(
        Enum(Consent, native_enum=False, length=16, values_callable=_values),
        default=Consent.PENDING,
    )
    consent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False)
    opted_out_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    commune_insee: Mapped[str | None] = mapped_column(String(5))
    ml_code: Mapped[str | None] = mapped_column(String(8), index=True)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    messages: Mapped[list[Message]] = relationship(
        back_populates="young_person", cascade="all, delete-orphan", passive_deletes=True
    )
    needs: Mapped[list[Need]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    handoffs: Mapped[list[HandoffRequest]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    surveys: Mapped[list[SurveySession]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    campaign_messages: Mapped[list[CampaignMessage]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class Message(Base):
    """One message in or out, kept only once the young person consented."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    direction: Mapped[Direction] = mapped_column(
        Enum(Direction, native_enum=False, length=8, values_callable=_values)
    )
    channel: Mapped[str] = mapped_column(String(16))
    text: Mapped[str | None] = mapped_column(Text)
    intent: Mapped[str | None] = mapped_column(String(64))
    confidence: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    young_person: Mapped[YoungPerson] = relationship(back_populates="messages")


class Need(Base):
    """A need the young person expressed (job, housing…), with where they live if known."""

    __tablename__ = "needs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    need: Mapped[str] = mapped_column(String(32), index=True)
    commune_insee: Mapped[str | None] = mapped_column(String(5))
    ml_code: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class HandoffRequest(Base):
    """A young person's request to talk to a counsellor of their Mission Locale."""

    __tablename__ = "handoff_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    ml_code: Mapped[str | None] = mapped_column(String(8), index=True)
    need: Mapped[str | None] = mapped_column(String(32))
    commune_insee: Mapped[str | None] = mapped_column(String(5))
    consent: Mapped[bool] = mapped_column(Boolean)
    summary: Mapped[str] = mapped_column(Text)
    status: Mapped[HandoffStatus] = mapped_column(
        Enum(HandoffStatus, native_enum=False, length=16, values_callable=_values),
        default=HandoffStatus.OPEN,
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PendingMessage(Base):
    """A message received while Rasa or the action server was down, answered when they return."""

    __tablename__ = "pending_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    address_enc: Mapped[str | None] = mapped_column(Text)
    text_enc: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ProcessedUpdate(Base):
    """A Telegram update already handled: Telegram may deliver one twice."""

    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ButtonPayload(Base):
    """A short key for a Rasa button payload (Telegram allows 64 bytes of callback data)."""

    __tablename__ = "button_payloads"

    key: Mapped[str] = mapped_column(String(24), primary_key=True)
    payload: Mapped[str] = mapped_column(Text)


class WebOutbox(Base):
    """Replies waiting for a web-chat page to fetch them (answers given after a Rasa outage)."""

    __tablename__ = "web_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(64), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SurveyStatus(enum.StrEnum):
    """Where a young person stands in one questionnaire."""

    IN_PROGRESS = "in_progress"
    PAUSED = "paused"
    COMPLETED = "completed"
    DECLINED = "declined"


class SurveySession(Base):
    """One young person's run through one questionnaire (one per questionnaire, ever)."""

    __tablename__ = "survey_sessions"
    __table_args__ = (UniqueConstraint("young_person_id", "questionnaire_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    questionnaire_id: Mapped[str] = mapped_column(String(64))
    questionnaire_version: Mapped[int] = mapped_column(Integer)
    status: Mapped[SurveyStatus] = mapped_column(
        Enum(SurveyStatus, native_enum=False, length=16, values_callable=_values),
        default=SurveyStatus.IN_PROGRESS,
    )
    profile: Mapped[str | None] = mapped_column(String(32))
    consent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reminder_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    answers: Mapped[list[SurveyAnswer]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="SurveyAnswer.id"
    )


class SurveyAnswer(Base):
    """One answer, saved the moment it is given, against its question id and version."""

    __tablename__ = "survey_answers"
    __table_args__ = (UniqueConstraint("session_id", "question_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("survey_sessions.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str] = mapped_column(String(64))
    questionnaire_version: Mapped[int] = mapped_column(Integer)
    skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    text: Mapped[str | None] = mapped_column(Text)
    value: Mapped[int | None] = mapped_column(Integer)
    informativeness: Mapped[float | None] = mapped_column(Float)
    followed_up: Mapped[bool] = mapped_column(Boolean, default=False)
    followup_text: Mapped[str | None] = mapped_column(Text)
    followup_informativeness: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Campaign(Base):
    """A wave of survey invitations, resumable: who gets it is decided when it is created."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    questionnaire_id: Mapped[str] = mapped_column(String(64))
    ml_code: Mapped[str | None] = mapped_column(String(8))
    profile: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SendStatus(enum.StrEnum):
    """What happened to one proactive message."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"


class CampaignMessage(Base):
    """One proactive message (invitation or reminder) to one young person, recorded once."""

    __tablename__ = "campaign_messages"
    __table_args__ = (UniqueConstraint("campaign_id", "young_person_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # "invite" or "reminder"
    status: Mapped[SendStatus] = mapped_column(
        Enum(SendStatus, native_enum=False, length=16, values_callable=_values),
        default=SendStatus.PENDING,
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(String(200))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
