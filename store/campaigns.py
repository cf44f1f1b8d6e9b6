"""Campaign queries: who gets an invitation or a reminder, and where each message stands.

A campaign's recipients are fixed when it is created (one `CampaignMessage` per person, in the
same transaction as the `Campaign`). Sending then moves each row from pending to sent, failed or
skipped. `error` says why a row is not sent; while Telegram is being called, a pending row
carries the marker `SENDING`, so a crash in between is visible afterwards (see
`settle_interrupted`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, update
from sqlalchemy.orm import Session

from store.models import (
    Campaign,
    CampaignMessage,
    Consent,
    SendStatus,
    SurveySession,
    SurveyStatus,
    YoungPerson,
    utcnow,
)

INVITE = "invite"
REMINDER = "reminder"
TELEGRAM = "telegram"

# Values of CampaignMessage.error (no personal data, ever).
SENDING = "sending"
"""On a pending row while Telegram is called: found again only after a crash."""
UNCERTAIN = "uncertain"
"""Prefix of failures where Telegram may have delivered the message: never retried by default."""
BLOCKED = "blocked"
UNREACHABLE = "unreachable"
OPTED_OUT = "opted_out"
NO_CONSENT = "no_consent"
SURVEY_DONE = "survey_done"
NOT_DUE = "not_due"

OPEN_SURVEY = (SurveyStatus.IN_PROGRESS, SurveyStatus.PAUSED)
CLOSED_SURVEY = (SurveyStatus.COMPLETED, SurveyStatus.DECLINED)


@dataclass(frozen=True)
class Candidate:
    """One person of an audience, with what the summary and the breakdowns need."""

    person_id: int
    ml_code: str | None
    channel: str
    reachable: bool
    survey_status: SurveyStatus | None


@dataclass
class CampaignCounts:
    """Where the messages of one campaign stand."""

    total: int = 0
    pending: int = 0
    sent: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)

    @property
    def not_reachable(self) -> int:
        """Recipients without a proactive channel (web chat, no address)."""
        return self.skipped[UNREACHABLE]

    @property
    def skipped_total(self) -> int:
        """Skipped for another reason than reachability (opted out, survey done…)."""
        return sum(self.skipped.values()) - self.not_reachable


def reachable(person: YoungPerson) -> bool:
    """True when Relais can write first: Telegram, with a stored chat address."""
    return person.channel == TELEGRAM and bool(person.address_enc)


def _eligible_people(include_synthetic: bool) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [
        YoungPerson.consent == Consent.GIVEN,
        YoungPerson.opted_out.is_(False),
    ]
    if not include_synthetic:
        conditions.append(YoungPerson.synthetic.is_(False))
    return conditions


def invite_audience(
    session: Session,
    questionnaire_id: str,
    *,
    ml_code: str | None = None,
    profile: str | None = None,
    include_synthetic: bool = False,
) -> list[Candidate]:
    """Opted-in people whose survey is neither completed nor declined (reachable or not)."""
    joined = and_(
        SurveySession.young_person_id == YoungPerson.id,
        SurveySession.questionnaire_id == questionnaire_id,
    )
    query = (
        select(YoungPerson, SurveySession.status)
        .outerjoin(SurveySession, joined)
        .where(*_eligible_people(include_synthetic))
        .where(or_(SurveySession.id.is_(None), SurveySession.status.in_(OPEN_SURVEY)))
        .order_by(YoungPerson.id)
    )
    if ml_code is not None:
        query = query.where(YoungPerson.ml_code == ml_code)
    if profile is not None:
        query = query.where(SurveySession.profile == profile)
    return [
        Candidate(person.id, person.ml_code, person.channel, reachable(person), status)
        for person, status in session.execute(query).all()
    ]


def due_reminders(
    session: Session, questionnaire_id: str, *, before: datetime, include_synthetic: bool = False
) -> list[Candidate]:
    """Opted-in people with an open survey untouched since `before` and never reminded."""
    query = (
        select(YoungPerson, SurveySession.status)
        .join(SurveySession, SurveySession.young_person_id == YoungPerson.id)
        .where(*_eligible_people(include_synthetic))
        .where(
            SurveySession.questionnaire_id == questionnaire_id,
            SurveySession.status.in_(OPEN_SURVEY),
            SurveySession.updated_at < before,
            SurveySession.reminder_sent_at.is_(None),
        )
        .order_by(YoungPerson.id)
    )
    return [
        Candidate(person.id, person.ml_code, person.channel, reachable(person), status)
        for person, status in session.execute(query).all()
    ]


def create_campaign(
    session: Session,
    questionnaire_id: str,
    kind: str,
    recipients: list[Candidate],
    *,
    ml_code: str | None = None,
    profile: str | None = None,
) -> Campaign:
    """The campaign and one pending row per recipient (unreachable ones: skipped at once)."""
    campaign = Campaign(questionnaire_id=questionnaire_id, ml_code=ml_code, profile=profile)
    session.add(campaign)
    session.flush()
    session.add_all(
        CampaignMessage(
            campaign_id=campaign.id,
            young_person_id=candidate.person_id,
            kind=kind,
            status=SendStatus.PENDING if candidate.reachable else SendStatus.SKIPPED,
            error=None if candidate.reachable else UNREACHABLE,
            attempts=0,
        )
        for candidate in recipients
    )
    session.flush()
    return campaign


def campaign_kind(session: Session, campaign_id: int) -> str | None:
    """ "invite" or "reminder" (from its messages); None for an empty or unknown campaign."""
    query = select(CampaignMessage.kind).where(CampaignMessage.campaign_id == campaign_id)
    return session.scalars(query.limit(1)).first()


def unfinished_campaign(
    session: Session,
    questionnaire_id: str,
    kind: str,
    *,
    ml_code: str | None = None,
    profile: str | None = None,
) -> Campaign | None:
    """The latest campaign of this kind and these filters that was never finished."""
    has_kind = exists().where(
        CampaignMessage.campaign_id == Campaign.id, CampaignMessage.kind == kind
    )
    query = (
        select(Campaign)
        .where(
            Campaign.questionnaire_id == questionnaire_id,
            Campaign.finished_at.is_(None),
            Campaign.ml_code.is_(None) if ml_code is None else Campaign.ml_code == ml_code,
            Campaign.profile.is_(None) if profile is None else Campaign.profile == profile,
            has_kind,
        )
        .order_by(Campaign.id.desc())
    )
    return session.scalars(query.limit(1)).first()


def settle_interrupted(session: Session, campaign_id: int) -> int:
    """Rows left "sending" by a crash: Telegram may have delivered them, so never resend.

    They become failed with error "uncertain" (at-most-once). Returns how many.
    """
    query = select(CampaignMessage).where(
        CampaignMessage.campaign_id == campaign_id,
        CampaignMessage.status == SendStatus.PENDING,
        CampaignMessage.error == SENDING,
    )
    rows = list(session.scalars(query))
    for row in rows:
        row.status = SendStatus.FAILED
        row.error = UNCERTAIN
    return len(rows)


def to_send(session: Session, campaign_id: int, *, retry_uncertain: bool = False) -> list[int]:
    """Ids of the rows still to send: pending, and failed ones worth retrying.

    Never retried: "blocked" (they blocked the bot), and "uncertain…" (maybe delivered) unless
    `retry_uncertain`.
    """
    never = [CampaignMessage.error == BLOCKED]
    if not retry_uncertain:
        never.append(CampaignMessage.error.like(f"{UNCERTAIN}%"))
    retryable = and_(
        CampaignMessage.status == SendStatus.FAILED,
        or_(CampaignMessage.error.is_(None), ~or_(*never)),
    )
    query = (
        select(CampaignMessage.id)
        .where(
            CampaignMessage.campaign_id == campaign_id,
            or_(CampaignMessage.status == SendStatus.PENDING, retryable),
        )
        .order_by(CampaignMessage.id)
    )
    return list(session.scalars(query))


def claim(session: Session, row: CampaignMessage, status: SendStatus, error: str | None) -> bool:
    """Move a row as read to `status`/`error`, unless another run changed it meanwhile.

    Compare-and-set on (status, error, attempts): two runs of one campaign never both send the
    same row. Going to "sending" also counts an attempt. False when the row was taken.
    """
    attempts = row.attempts + (1 if error == SENDING else 0)
    same_error = (
        CampaignMessage.error.is_(None)
        if row.error is None
        else (CampaignMessage.error == row.error)
    )
    result = session.execute(
        update(CampaignMessage)
        .where(
            CampaignMessage.id == row.id,
            CampaignMessage.status == row.status,
            CampaignMessage.attempts == row.attempts,
            same_error,
        )
        .values(status=status, error=error, attempts=attempts)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        return False
    session.expire(row)
    return True


def campaign_counts(session: Session, campaign_id: int) -> CampaignCounts:
    """Rows of one campaign by status (and by reason for skipped and failed ones)."""
    query = (
        select(CampaignMessage.status, CampaignMessage.error, func.count())
        .where(CampaignMessage.campaign_id == campaign_id)
        .group_by(CampaignMessage.status, CampaignMessage.error)
    )
    counts = CampaignCounts()
    for status, error, number in session.execute(query).all():
        counts.total += number
        if status is SendStatus.PENDING:
            counts.pending += number
        elif status is SendStatus.SENT:
            counts.sent += number
        elif status is SendStatus.SKIPPED:
            counts.skipped[error or "other"] += number
        else:
            counts.failed[error or "other"] += number
    return counts


def finish_if_done(session: Session, campaign_id: int) -> bool:
    """Mark the campaign finished once no row is pending; True when it is (now or before)."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        return False
    if campaign.finished_at is None and campaign_counts(session, campaign_id).pending == 0:
        campaign.finished_at = utcnow()
    return campaign.finished_at is not None


def list_campaigns(session: Session) -> list[tuple[Campaign, str | None, CampaignCounts]]:
    """Every campaign, newest first, with its kind and counts."""
    campaigns = session.scalars(select(Campaign).order_by(Campaign.id.desc()))
    return [(c, campaign_kind(session, c.id), campaign_counts(session, c.id)) for c in campaigns]


def survey_of(session: Session, person_id: int, questionnaire_id: str) -> SurveySession | None:
    """The person's run through this questionnaire, if any."""
    query = select(SurveySession).where(
        SurveySession.young_person_id == person_id,
        SurveySession.questionnaire_id == questionnaire_id,
    )
    return session.scalars(query).first()
