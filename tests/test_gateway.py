"""The gateway every channel uses: order, recording, erasure, and nothing lost when Rasa is down."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select, text

from bot.gateway import Gateway
from bot.rasa_client import RasaClient
from relais.messages import BotReply, Inbound
from store.db import engine_for, session_scope
from store.models import Consent, Message, PendingMessage, YoungPerson
from store.people import set_consent
from tests.rasa_double import RasaDouble

KEY = "gateway-test-key"


@pytest.fixture
def rasa() -> RasaDouble:
    return RasaDouble()


@pytest.fixture
def gateway(rasa: RasaDouble, sqlite_url: str) -> Gateway:
    client = RasaClient("http://rasa", "http://actions", "token", transport=rasa.transport())
    return Gateway(client, KEY, sqlite_url)


def message(text: str, who: str = "alice", **kwargs: object) -> Inbound:
    return Inbound(channel="web", external_id=who, text=text, **kwargs)  # type: ignore[arg-type]


async def test_a_message_goes_to_rasa_under_a_pseudonym(gateway: Gateway, rasa: RasaDouble) -> None:
    replies = await gateway.handle(message("jcherche du taf"))
    assert replies[0].text == "réponse à : jcherche du taf"
    assert replies[1].buttons[0].payload == '/affirm{"topic":"privacy"}'
    sender, sent = rasa.received[0]["sender"], rasa.messages()[0]
    assert sent == "jcherche du taf" and sender == gateway.pseudonym("web", "alice")
    assert "alice" not in sender


async def test_messages_are_recorded_with_intent_only_after_consent(
    gateway: Gateway, sqlite_url: str
) -> None:
    await gateway.handle(message("premier message"))
    with session_scope(sqlite_url) as session:
        assert session.scalars(select(Message)).all() == []
        set_consent(session, gateway.pseudonym("web", "alice"), "web", Consent.GIVEN)
    await gateway.handle(message("jcherche du taf"))
    with session_scope(sqlite_url) as session:
        rows = session.scalars(select(Message).order_by(Message.id)).all()
        assert (rows[0].direction, rows[0].text) == ("in", "jcherche du taf")
        assert rows[0].intent == "ask_job" and rows[0].confidence == pytest.approx(0.91)
        assert {m.direction for m in rows[1:]} == {"out"}


async def test_commands_become_intents(gateway: Gateway, rasa: RasaDouble) -> None:
    await gateway.handle(message("/stop"))
    await gateway.handle(message("/avis@RelaisBot"))
    await gateway.handle(message("/inconnu bonjour"))
    assert rasa.messages() == ["/opt_out", "/give_feedback", "inconnu bonjour"]


async def test_erasure_on_request_leaves_nothing(
    gateway: Gateway, rasa: RasaDouble, sqlite_url: str
) -> None:
    pseudonym = gateway.pseudonym("web", "alice")
    with engine_for(sqlite_url).begin() as connection:
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT)"))
        connection.execute(text("INSERT INTO events (sender_id) VALUES (:s)"), {"s": pseudonym})
    with session_scope(sqlite_url) as session:
        set_consent(session, pseudonym, "web", Consent.GIVEN)
    await gateway.handle(message("salut"))
    replies = await gateway.handle(message("/supprimer"))
    assert [r.text for r in replies] == ["C'est fait, j'ai tout effacé 🗑️"]
    with session_scope(sqlite_url) as session:
        assert session.scalars(select(YoungPerson)).all() == []
        assert session.scalars(select(Message)).all() == []
        assert session.execute(text("SELECT count(*) FROM events")).scalar() == 0


async def test_rasa_down_keeps_the_message_and_answers_when_back(
    gateway: Gateway, rasa: RasaDouble, sqlite_url: str
) -> None:
    delivered: list[tuple[str, str | None, list[BotReply]]] = []

    async def deliver(pseudonym: str, address: str | None, replies: list[BotReply]) -> None:
        delivered.append((pseudonym, address, replies))

    gateway.register_deliverer("web", deliver)
    rasa.up = False
    replies = await gateway.handle(message("jcherche une formation", address="chat-42"))
    assert "je te réponds très vite" in replies[0].text
    replies = await gateway.handle(message("dans le 95", address="chat-42"))
    with session_scope(sqlite_url) as session:
        kept = session.scalars(select(PendingMessage)).all()
        assert len(kept) == 2 and all("formation" not in k.text_enc for k in kept)
    assert await gateway.flush_pending() == 0  # still down: nothing lost, nothing sent
    rasa.up = True
    assert await gateway.flush_pending() == 1
    assert rasa.messages() == ["jcherche une formation", "dans le 95"]
    assert [(a, r[0].text) for _, a, r in delivered] == [
        ("chat-42", "réponse à : jcherche une formation"),
        ("chat-42", "réponse à : dans le 95"),
    ]
    with session_scope(sqlite_url) as session:
        assert session.scalars(select(PendingMessage)).all() == []


async def test_a_new_message_waits_behind_kept_ones(gateway: Gateway, rasa: RasaDouble) -> None:
    rasa.up = False
    await gateway.handle(message("un"))
    rasa.up = True
    replies = await gateway.handle(message("deux"))
    assert rasa.messages() == ["un", "deux"]
    assert replies[0].text == "réponse à : deux"


async def test_distress_while_rasa_is_down_still_gets_the_crisis_numbers(
    gateway: Gateway, rasa: RasaDouble
) -> None:
    rasa.up = False
    replies = await gateway.handle(message("j'ai envie d'en finir"))
    assert "3114" in replies[0].text
    assert "très vite" in replies[-1].text


async def test_messages_of_one_person_reach_rasa_in_order(
    gateway: Gateway, rasa: RasaDouble
) -> None:
    texts = [f"message {i}" for i in range(8)]
    await asyncio.gather(*(gateway.handle(message(t)) for t in texts))
    assert rasa.messages() == texts


async def test_empty_and_huge_messages(gateway: Gateway, rasa: RasaDouble) -> None:
    assert await gateway.handle(message("   ")) == []
    await gateway.handle(message("a" * 4096))
    assert len(rasa.messages()[-1]) == 1000
