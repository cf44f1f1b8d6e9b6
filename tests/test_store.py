"""Store tests, each on SQLite and on the local PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import inspect, select, text

from store.db import engine_for, session_scope
from store.erasure import erase_person
from store.identity import pseudonymize, seal, unseal
from store.migrate import downgrade, upgrade
from store.models import (
    Consent,
    Direction,
    HandoffRequest,
    Message,
    Need,
    WebOutbox,
    YoungPerson,
    utcnow,
)
from store.outbox import RETENTION, fetch_after, purge_expired, push
from store.pending import add_pending, pending_for, pseudonyms_with_pending
from store.people import set_consent, set_location, set_opted_out, touch_person
from store.records import create_handoff, record_message, record_need

KEY = "k" * 32


def _rasa_events_table(url: str) -> None:
    """The table Rasa's SQLTrackerStore creates, with one event of our young person."""
    with engine_for(url).begin() as connection:
        connection.execute(
            text(
                "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255),"
                " type_name VARCHAR(255), timestamp FLOAT, intent_name VARCHAR(255),"
                " action_name VARCHAR(255), data TEXT)"
            )
        )
        for i, sender in enumerate(["we-alice", "we-alice", "we-bob"], start=1):
            connection.execute(
                text("INSERT INTO events VALUES (:i, :s, 'user', 0, 'greet', NULL, '{}')"),
                {"i": i, "s": sender},
            )


def test_pseudonyms_are_stable_keyed_and_not_reversible() -> None:
    a = pseudonymize("telegram", 123456789, KEY)
    assert a == pseudonymize("telegram", "123456789", KEY)
    assert a != pseudonymize("telegram", 123456789, "another key")
    assert a != pseudonymize("web", 123456789, KEY)
    assert "123456789" not in a
    sealed = seal("123456789", KEY)
    assert "123456789" not in sealed and unseal(sealed, KEY) == "123456789"
    assert unseal(sealed, "another key") is None


def test_nothing_is_recorded_before_consent(db_url: str) -> None:
    with session_scope(db_url) as session:
        person = touch_person(session, "we-alice", "web")
        assert record_message(session, person, Direction.IN, "jcherche du taf") is None
        assert record_need(session, "we-alice", "job", "95018", "95018") is None
        assert not set_location(session, "we-alice", "95018", "95018")
    with session_scope(db_url) as session:
        set_consent(session, "we-alice", "web", Consent.GIVEN)
    with session_scope(db_url) as session:
        person = touch_person(session, "we-alice", "web")
        record_message(session, person, Direction.IN, "jcherche du taf", "ask_job", 0.97)
        record_need(session, "we-alice", "job", "95018", "95018")
        assert set_location(session, "we-alice", "95018", "95018")
    with session_scope(db_url) as session:
        message = session.scalars(select(Message)).one()
        assert (message.intent, message.direction, message.channel) == ("ask_job", "in", "web")
        assert session.scalars(select(Need)).one().need == "job"


def test_erasure_removes_every_row_and_the_tracker_events(db_url: str) -> None:
    _rasa_events_table(db_url)
    with session_scope(db_url) as session:
        set_consent(session, "we-alice", "web", Consent.GIVEN)
        set_consent(session, "we-bob", "web", Consent.GIVEN)
    with session_scope(db_url) as session:
        alice = touch_person(session, "we-alice", "web", address_enc=seal("42", KEY))
        record_message(session, alice, Direction.IN, "coucou")
        record_need(session, "we-alice", "housing", None, None)
        create_handoff(
            session,
            alice,
            ml_code="95018",
            need="housing",
            commune_insee=None,
            summary="Besoin(s) : Trouver un logement",
        )
        add_pending(session, "we-alice", "web", seal("allo", KEY), None)
        set_opted_out(session, "we-alice", "web", True)
    with session_scope(db_url) as session:
        report = erase_person(session, "we-alice")
    assert (report.young_people, report.pending, report.tracker_events) == (1, 1, 2)
    with session_scope(db_url) as session:
        people = session.scalars(select(YoungPerson.pseudonym)).all()
        assert people == ["we-bob"]
        assert session.scalars(select(Message)).all() == []
        assert session.scalars(select(Need)).all() == []
        assert session.scalars(select(HandoffRequest)).all() == []
        assert pending_for(session, "we-alice") == []
        senders = session.execute(text("SELECT sender_id FROM events")).scalars().all()
        assert senders == ["we-bob"]


def test_erasure_works_before_rasa_created_its_table(db_url: str) -> None:
    with session_scope(db_url) as session:
        touch_person(session, "we-carol", "web")
    with session_scope(db_url) as session:
        assert erase_person(session, "we-carol").tracker_events == 0


def test_pending_messages_keep_arrival_order(db_url: str) -> None:
    with session_scope(db_url) as session:
        for word in ("un", "deux", "trois"):
            add_pending(session, "we-dan", "web", seal(word, KEY), None)
    with session_scope(db_url) as session:
        assert [unseal(m.text_enc, KEY) for m in pending_for(session, "we-dan")] == [
            "un",
            "deux",
            "trois",
        ]
        assert pseudonyms_with_pending(session) == ["we-dan"]


def test_migrations_go_down_and_up(db_url: str) -> None:
    downgrade(db_url, "base")
    assert not inspect(engine_for(db_url)).has_table("young_people")
    upgrade(db_url)
    assert inspect(engine_for(db_url)).has_table("young_people")


def test_web_outbox_keeps_replies_a_week(db_url: str) -> None:
    with session_scope(db_url) as session:
        push(session, "p1", {"text": "fresh"})
        session.add(
            WebOutbox(
                pseudonym="p1",
                payload={"text": "stale"},
                created_at=utcnow() - RETENTION - timedelta(minutes=1),
            )
        )
    with session_scope(db_url) as session:
        assert purge_expired(session) == 1
    with session_scope(db_url) as session:
        assert [payload["text"] for _, payload in fetch_after(session, "p1", 0)] == ["fresh"]
        later = utcnow() + RETENTION + timedelta(minutes=1)
        assert purge_expired(session, now=later) == 1
        assert fetch_after(session, "p1", 0) == []
