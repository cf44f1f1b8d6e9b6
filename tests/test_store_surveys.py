"""Survey storage on SQLite and PostgreSQL: answers by question and version, resumable runs."""

from __future__ import annotations

from sqlalchemy import select

from store.db import session_scope
from store.erasure import erase_person
from store.models import Consent, SurveyAnswer, SurveySession, SurveyStatus
from store.people import set_consent, touch_person
from store.surveys import (
    answers_of,
    save_answer,
    save_followup,
    set_status,
    start_survey,
    survey_session,
)


def _person(url: str, pseudonym: str = "we-zoe") -> None:
    with session_scope(url) as session:
        set_consent(session, pseudonym, "web", Consent.GIVEN)


def test_answers_are_saved_at_once_and_replaced_not_duplicated(db_url: str) -> None:
    _person(db_url)
    with session_scope(db_url) as session:
        run = start_survey(session, touch_person(session, "we-zoe", "web"), "etude-jeunes", 1)
        save_answer(session, run, "ever_been", codes=["went_once"])
        save_answer(session, run, "why_not_back", text="jsp", informativeness=0.05)
    with session_scope(db_url) as session:
        run = survey_session(session, "we-zoe", "etude-jeunes")
        assert run is not None
        save_followup(session, run, "why_not_back", "les horaires tombaient pendant mon taf", 0.7)
        save_answer(session, run, "ever_been", codes=["went_several"])
    with session_scope(db_url) as session:
        run = survey_session(session, "we-zoe", "etude-jeunes")
        assert run is not None
        rows = answers_of(session, run)
        assert [(r.question_id, r.codes) for r in rows] == [
            ("ever_been", ["went_several"]),
            ("why_not_back", []),
        ]
        assert rows[1].text == "jsp" and rows[1].followed_up
        assert rows[1].followup_text == "les horaires tombaient pendant mon taf"
        assert all(r.questionnaire_version == 1 for r in rows)


def test_a_new_version_never_touches_old_answers(db_url: str) -> None:
    _person(db_url, "we-old")
    _person(db_url, "we-new")
    with session_scope(db_url) as session:
        old = start_survey(session, touch_person(session, "we-old", "web"), "etude-jeunes", 1)
        save_answer(session, old, "ever_been", codes=["never_heard"])
        new = start_survey(session, touch_person(session, "we-new", "web"), "etude-jeunes", 2)
        save_answer(session, new, "ever_been", codes=["went_once"])
    with session_scope(db_url) as session:
        rows = session.scalars(select(SurveyAnswer).order_by(SurveyAnswer.id)).all()
        assert [(r.questionnaire_version, r.codes) for r in rows] == [
            (1, ["never_heard"]),
            (2, ["went_once"]),
        ]


def test_pause_resume_complete_and_erasure(db_url: str) -> None:
    _person(db_url)
    with session_scope(db_url) as session:
        person = touch_person(session, "we-zoe", "web")
        run = start_survey(session, person, "etude-jeunes", 1)
        set_status(run, SurveyStatus.PAUSED)
    with session_scope(db_url) as session:
        again = start_survey(session, touch_person(session, "we-zoe", "web"), "etude-jeunes", 1)
        assert again.status is SurveyStatus.IN_PROGRESS
        save_answer(session, again, "ever_been", skipped=True)
        set_status(again, SurveyStatus.COMPLETED)
    with session_scope(db_url) as session:
        run = survey_session(session, "we-zoe", "etude-jeunes")
        assert run is not None and run.completed_at is not None
        assert len(session.scalars(select(SurveySession)).all()) == 1
        erase_person(session, "we-zoe")
    with session_scope(db_url) as session:
        assert session.scalars(select(SurveySession)).all() == []
        assert session.scalars(select(SurveyAnswer)).all() == []
