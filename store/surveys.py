"""Survey sessions and answers: every answer saved the moment it is given."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import SurveyAnswer, SurveySession, SurveyStatus, YoungPerson, utcnow
from store.people import find_person


def survey_session(session: Session, pseudonym: str, questionnaire_id: str) -> SurveySession | None:
    """The young person's run through this questionnaire, if any."""
    person = find_person(session, pseudonym)
    if person is None:
        return None
    query = select(SurveySession).where(
        SurveySession.young_person_id == person.id,
        SurveySession.questionnaire_id == questionnaire_id,
    )
    return session.scalars(query).first()


def start_survey(
    session: Session, person: YoungPerson, questionnaire_id: str, version: int
) -> SurveySession:
    """Open (or reopen a paused) run; the survey consent is recorded now."""
    run = survey_session(session, person.pseudonym, questionnaire_id)
    if run is None:
        run = SurveySession(
            young_person_id=person.id,
            questionnaire_id=questionnaire_id,
            questionnaire_version=version,
            consent_at=utcnow(),
        )
        session.add(run)
    elif run.status in (SurveyStatus.PAUSED, SurveyStatus.DECLINED):
        run.status = SurveyStatus.IN_PROGRESS
        run.consent_at = run.consent_at or utcnow()
    run.updated_at = utcnow()
    session.flush()
    return run


def set_status(run: SurveySession, status: SurveyStatus) -> None:
    """Pause, complete or decline a run."""
    run.status = status
    run.updated_at = utcnow()
    if status is SurveyStatus.COMPLETED:
        run.completed_at = utcnow()


def answer_row(session: Session, run: SurveySession, question_id: str) -> SurveyAnswer | None:
    """The stored answer to one question."""
    query = select(SurveyAnswer).where(
        SurveyAnswer.session_id == run.id, SurveyAnswer.question_id == question_id
    )
    return session.scalars(query).first()


def save_answer(
    session: Session,
    run: SurveySession,
    question_id: str,
    *,
    skipped: bool = False,
    codes: Sequence[str] = (),
    text: str | None = None,
    value: int | None = None,
    informativeness: float | None = None,
) -> SurveyAnswer:
    """Store (or replace) the answer to one question, against the run's questionnaire version."""
    row = answer_row(session, run, question_id)
    if row is None:
        row = SurveyAnswer(
            session_id=run.id,
            question_id=question_id,
            questionnaire_version=run.questionnaire_version,
        )
        session.add(row)
    row.skipped = skipped
    row.codes = list(codes)
    row.text = text
    row.value = value
    row.informativeness = informativeness
    row.updated_at = utcnow()
    run.updated_at = utcnow()
    session.flush()
    return row


def save_followup(
    session: Session,
    run: SurveySession,
    question_id: str,
    text: str | None,
    informativeness: float | None,
) -> SurveyAnswer | None:
    """Keep the answer to the follow-up beside the original answer."""
    row = answer_row(session, run, question_id)
    if row is None:
        return None
    row.followed_up = True
    row.followup_text = text
    row.followup_informativeness = informativeness
    row.updated_at = utcnow()
    run.updated_at = utcnow()
    return row


def answers_of(session: Session, run: SurveySession) -> list[SurveyAnswer]:
    """All answers of a run, in the order they were given."""
    query = select(SurveyAnswer).where(SurveyAnswer.session_id == run.id).order_by(SurveyAnswer.id)
    return list(session.scalars(query))
