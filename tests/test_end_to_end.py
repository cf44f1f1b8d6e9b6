"""End to end: the real Rasa server, the real action server and the web chat, on one database.

Drives greet → consent → need → commune → Mission Locale → counsellor → /supprimer, asserting
what the database holds at each step, and that nothing is left after the erasure.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select, text

from bot.server import build_app
from relais.config import Settings
from relais.services import Services, model_path, start_services
from store.db import engine_for, session_scope
from store.identity import pseudonymize
from store.migrate import upgrade
from store.models import Consent, HandoffRequest, Message, Need, YoungPerson

pytestmark = pytest.mark.rasa

KEY = "end-to-end-test-key"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stack_settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        secret_key=KEY,
        rasa_url=f"http://127.0.0.1:{free_port()}",
        rasa_token="e2e-token",
        action_server_url=f"http://127.0.0.1:{free_port()}",
        web_host="127.0.0.1",
        web_port=free_port(),
        telegram_token=None,
        telegram_webhook_url=None,
        telegram_webhook_secret=None,
        retry_interval_s=0.2,
        redis_url=None,
    )


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Rasa + action server on a fresh SQLite database shared with the application."""
    if not model_path().exists():
        pytest.fail("no trained model: run `make train` first")
    folder: Path = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{folder / 'relais.db'}"
    upgrade(url)
    settings = stack_settings(url)
    services: Services = start_services(settings, folder)
    try:
        yield settings
    finally:
        services.stop()


@pytest.fixture
async def web(stack: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = build_app(stack)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://relais"
    ) as client:
        yield client


class YoungPerson_:
    """A young person on the web chat."""

    def __init__(self, client: httpx.AsyncClient, session: str) -> None:
        self.client = client
        self.session = session

    async def says(self, words: str) -> list[dict[str, Any]]:
        response = await self.client.post(
            "/api/chat", json={"session": self.session, "text": words}
        )
        assert response.status_code == 200, response.text
        replies: list[dict[str, Any]] = response.json()["replies"]
        return replies

    async def presses(self, payload: str) -> list[dict[str, Any]]:
        response = await self.client.post(
            "/api/chat", json={"session": self.session, "payload": payload}
        )
        assert response.status_code == 200, response.text
        replies: list[dict[str, Any]] = response.json()["replies"]
        return replies


def joined(replies: list[dict[str, Any]]) -> str:
    return "\n".join(r["text"] for r in replies)


def payloads(replies: list[dict[str, Any]]) -> list[str]:
    return [b["payload"] for r in replies for b in r.get("buttons", [])]


def tracker_events(url: str, sender: str) -> int:
    with engine_for(url).connect() as connection:
        count = connection.execute(
            text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}
        ).scalar()
    return int(count or 0)


def person(url: str, pseudonym: str) -> YoungPerson | None:
    with session_scope(url) as session:
        return session.scalars(
            select(YoungPerson).where(YoungPerson.pseudonym == pseudonym)
        ).first()


def count(url: str, model: Any) -> int:
    with session_scope(url) as session:
        return len(session.scalars(select(model)).all())


async def test_greet_consent_need_commune_counsellor_then_erase(
    stack: Settings, web: httpx.AsyncClient
) -> None:
    url = stack.database_url
    session_id = "e2e-session-0001"
    pseudonym = pseudonymize("web", session_id, KEY)
    yp = YoungPerson_(web, session_id)

    replies = await yp.presses("/greet")
    assert "Relais" in joined(replies) and "12 mois" in joined(replies)
    stored = person(url, pseudonym)
    assert stored is not None and stored.consent is Consent.PENDING
    assert count(url, Message) == 0 and tracker_events(url, pseudonym) > 0

    replies = await yp.presses('/affirm{"topic":"privacy"}')
    assert "Merci" in joined(replies)
    stored = person(url, pseudonym)
    assert stored is not None and stored.consent is Consent.GIVEN

    replies = await yp.says("wesh jcherche du taff")
    assert "1jeune1solution" in replies[0]["text"]
    assert "code postal" in joined(replies)
    with session_scope(url) as session:
        assert [n.need for n in session.scalars(select(Need))] == ["job"]
        inbound = session.scalars(select(Message).where(Message.direction == "in")).all()
        assert inbound[-1].text == "wesh jcherche du taff" and inbound[-1].intent == "ask_job"

    replies = await yp.says("argenteuill")
    assert "Argenteuil" in joined(replies)
    assert "/request_human" in payloads(replies)
    stored = person(url, pseudonym)
    assert stored is not None and stored.ml_code == "95018"

    # The first answer is one screen; its button, through Rasa, gives the rest.
    replies = await yp.presses('/more_info{"need_code":"job"}')
    assert "Postule à 2 ou 3 offres" in replies[0]["text"]
    assert "/request_human" in payloads(replies)

    # A counsellor: the bot says what it will pass on and asks first (the notice is not that).
    replies = await yp.presses("/request_human")
    assert "Tu es d'accord" in joined(replies)
    assert count(url, HandoffRequest) == 0
    replies = await yp.presses('/affirm{"topic":"handoff"}')
    assert "C'est transmis" in joined(replies)
    with session_scope(url) as session:
        handoff = session.scalars(select(HandoffRequest)).one()
        assert handoff.ml_code == "95018" and handoff.need == "job" and handoff.consent

    replies = await yp.says("/supprimer")
    assert "effacé" in joined(replies)
    assert person(url, pseudonym) is None
    assert count(url, Message) == 0 and count(url, Need) == 0 and count(url, HandoffRequest) == 0
    assert tracker_events(url, pseudonym) == 0


async def test_first_message_with_a_place_gets_answer_and_mission_locale(
    web: httpx.AsyncClient,
) -> None:
    replies = await YoungPerson_(web, "e2e-session-0002").says(
        "wesh jcherche du taff vers argenteuil"
    )
    assert "1jeune1solution" in replies[0]["text"]
    assert "Argenteuil" in replies[1]["text"]
    assert '/affirm{"topic":"privacy"}' in payloads(replies)


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("j'ai envie d'en finir", "3114"),
        ("je dors dehors ce soir", "115"),
        ("mon copain me frappe", "3919"),
    ],
)
async def test_danger_gets_the_crisis_number_first(
    web: httpx.AsyncClient, words: str, number: str
) -> None:
    yp = YoungPerson_(web, f"e2e-crisis-{number}")
    await yp.says("jcherche une formation")  # in the middle of something else
    replies = await yp.says(words)
    assert number in replies[0]["text"].split("\n")[0]
    assert "/request_human" in payloads(replies)


async def test_a_message_sent_while_rasa_is_down_is_answered_when_it_is_back(
    stack: Settings,
) -> None:
    down = replace(stack, rasa_url=f"http://127.0.0.1:{free_port()}")
    app = build_app(down)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://r") as c:
        replies = await YoungPerson_(c, "e2e-outage-0001").says("jcherche un job")
    assert "très vite" in joined(replies)
    back = build_app(stack)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=back), base_url="http://r") as c:
        # The young person writes again: what was kept is answered first, in order.
        replies = await YoungPerson_(c, "e2e-outage-0001").says("t la ?")
        late = (
            await c.get("/api/updates", params={"session": "e2e-outage-0001", "after": 0})
        ).json()
    assert "1jeune1solution" in joined(late["replies"])
    assert replies  # the new message is answered too


def telegram_update(update_id: int, chat_id: int, **content: Any) -> dict[str, Any]:
    """A private-chat update as Telegram sends it."""
    user = {"id": chat_id, "is_bot": False, "first_name": "Lina"}
    if "data" in content:
        return {
            "update_id": update_id,
            "callback_query": {
                "id": f"cb{update_id}",
                "from": user,
                "chat_instance": "ci",
                "data": content["data"],
                "message": {
                    "message_id": update_id,
                    "date": 0,
                    "chat": {"id": chat_id, "type": "private"},
                    "text": "…",
                },
            },
        }
    message = {
        "message_id": update_id,
        "date": 0,
        "chat": {"id": chat_id, "type": "private", "first_name": "Lina"},
        "from": user,
        **content,
    }
    return {"update_id": update_id, "message": message}


async def test_telegram_bridge_end_to_end(stack: Settings) -> None:
    """Telegram (faked at its HTTP edge) → bridge → real Rasa → real actions → database."""
    from telegram import Update

    from bot.gateway import Gateway
    from bot.rasa_client import RasaClient
    from bot.telegram.bridge import build_application
    from tests.fake_telegram import FakeTelegram

    chat = 987654321
    url = stack.database_url
    rasa = RasaClient(stack.rasa_url, stack.action_server_url, stack.rasa_token)
    gateway = Gateway(rasa, KEY, url)
    telegram = FakeTelegram()
    app = build_application("123:ABC", gateway, url, request=telegram)
    await app.initialize()
    pseudonym = gateway.pseudonym("telegram", str(chat))

    async def feed(update_id: int, **content: Any) -> None:
        before = len(telegram.called("sendMessage"))
        await app.process_update(
            Update.de_json(telegram_update(update_id, chat, **content), app.bot)
        )
        return telegram.called("sendMessage")[before:]  # type: ignore[return-value]

    sent: Any = await feed(1, text="wesh jcherche du taff vers argenteuil")
    assert "1jeune1solution" in sent[0]["text"] and "Argenteuil" in sent[1]["text"]
    keyboard = sent[-1]["reply_markup"]["inline_keyboard"]
    ok_key = keyboard[0][0]["callback_data"]
    assert len(ok_key.encode()) <= 64

    await feed(2, data=ok_key)
    assert telegram.called("answerCallbackQuery")
    stored = person(url, pseudonym)
    assert stored is not None and stored.consent is Consent.GIVEN and stored.ml_code == "95018"
    assert str(chat) not in (stored.address_enc or "")

    sent = await feed(3, location={"latitude": 48.9362, "longitude": 2.3574})  # Saint-Denis
    assert any("Saint-Denis" in m["text"] for m in sent)

    sent = await feed(4, sticker={"file_id": "s", "file_unique_id": "s", "width": 1,
                                  "height": 1, "is_animated": False, "is_video": False,
                                  "type": "regular"})  # fmt: skip
    assert sent and sent[0]["text"]

    sent = await feed(5, text="/supprimer")
    assert any("effacé" in m["text"] for m in sent)
    assert person(url, pseudonym) is None and tracker_events(url, pseudonym) == 0
    await app.shutdown()
    await rasa.close()


def question_ids(replies: list[dict[str, Any]]) -> list[str]:
    """Which survey questions the replies ask (matched on the questionnaire's wording)."""
    from relais.survey import load_questionnaire

    text = joined(replies)
    return [q.id for q in load_questionnaire("etude-jeunes").questions if q.text in text]


async def test_survey_through_the_real_stack(stack: Settings, web: httpx.AsyncClient) -> None:
    """Offer after an answer, consent, typed answers, a follow-up, stop, resume, the end."""
    from store.models import SurveyAnswer, SurveySession, SurveyStatus

    url = stack.database_url
    yp = YoungPerson_(web, "e2e-survey-0001")
    pseudonym = pseudonymize("web", "e2e-survey-0001", KEY)
    replies = await yp.says("je cherche une alternance a cergy")
    assert "/give_feedback" not in payloads(replies)  # never before the demand is answered…
    replies = await yp.presses('/affirm{"topic":"privacy"}')
    assert "/give_feedback" in payloads(replies)  # …offered once it is
    replies = await yp.says("/avis")
    assert "anonyme" in joined(replies) and "/start_survey" in payloads(replies)

    replies = await yp.presses("/start_survey")
    assert question_ids(replies) == ["ever_been"] and "1/" in joined(replies)
    replies = await yp.says("oui plusieurs fois")
    assert question_ids(replies) == ["how_it_went"]
    replies = await yp.says("j'ai arrêté avant la fin")
    assert question_ids(replies) == ["activity"]
    replies = await yp.says("stop")
    assert "pause" in joined(replies)
    with session_scope(url) as session:
        run = session.scalars(select(SurveySession)).one()
        assert run.status is SurveyStatus.PAUSED and run.profile == "dropped_out"

    replies = await yp.says("/avis")
    assert "On reprend" in joined(replies)
    replies = await yp.presses("/start_survey")
    assert question_ids(replies) == ["activity"]  # the first unanswered question
    await yp.says("je cherche du taf")
    replies = await yp.says("le 2")  # age band by position; commune known from the conversation
    assert question_ids(replies) == ["why_stopped"]
    replies = await yp.says("bof")
    assert "passer" in payloads(replies) and not question_ids(replies)  # the one follow-up
    replies = await yp.says("ma conseillere changeait tout le temps et je devais tout reexpliquer")
    assert question_ids(replies) == ["expectations"]
    for words in ("un job vite", "tiktok et snap", "whatsapp"):
        replies = await yp.says(words)
    replies = await yp.says("passer")
    assert "Merci beaucoup" in joined(replies)
    with session_scope(url) as session:
        run = session.scalars(select(SurveySession)).one()
        answers = {a.question_id: a for a in session.scalars(select(SurveyAnswer))}
    assert run.status is SurveyStatus.COMPLETED
    assert answers["commune"].codes == ["95127"]  # Cergy, known from the conversation
    assert answers["why_stopped"].followed_up and answers["why_stopped"].text == "bof"
    assert answers["info_channels"].codes == ["tiktok", "snapchat"]
    assert answers["change_one_thing"].skipped
    replies = await yp.says("/avis")
    assert "déjà répondu" in joined(replies)
    assert person(url, pseudonym) is not None


async def test_simulated_young_people_are_flagged_synthetic(stack: Settings) -> None:
    from relais.simulate.runner import simulate
    from store.models import SurveySession

    app = build_app(stack)
    result = await simulate(app, stack.database_url, KEY, n=6, seed=7, concurrency=3)
    assert len(result.outcomes) == 6 and not any(o.errors for o in result.outcomes)
    with session_scope(stack.database_url) as session:
        people = session.scalars(
            select(YoungPerson).where(YoungPerson.pseudonym.like("we-%"))
        ).all()
        synthetic = [p for p in people if p.synthetic]
        assert len(synthetic) == 6
        runs = session.scalars(select(SurveySession)).all()
        assert any(r.young_person_id in {p.id for p in synthetic} for r in runs)
