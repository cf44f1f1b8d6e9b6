"""The Telegram bridge with the real python-telegram-bot, a fake Bot API and a Rasa double."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import String, Text, inspect, select
from starlette.applications import Starlette
from telegram import Update

from bot.gateway import Gateway
from bot.rasa_client import RasaClient
from bot.telegram import bridge as tg
from bot.telegram import build_application, start_telegram, stop_telegram, webhook_route
from bot.telegram.dedupe import SeenOnce
from bot.telegram.keyboards import callback_key, layout
from relais.messages import Button
from relais.routing import Resolution, commune_by_insee, mission_locale_for, resolve_position
from store.db import session_scope
from store.migrate import upgrade
from store.models import Base, ButtonPayload, ProcessedUpdate, YoungPerson
from tests.fake_telegram import FakeTelegram
from tests.rasa_double import RasaDouble

CHAT = 987654321  # a private chat: its id is the young person's Telegram user id
OTHER_CHAT = 555000111
LONG_PAYLOAD = '/ask_training{"domain":"' + "numérique et métiers du développement web" * 2 + '"}'
MENU_BUTTONS = [
    {"title": "Job", "payload": "/ask_job"},
    {"title": "Formation", "payload": LONG_PAYLOAD},
    {"title": "Logement", "payload": "/ask_housing"},
]


# --- doubles ------------------------------------------------------------------------------------


def menu_or_echo(sender: str, text: str) -> list[dict[str, Any]]:
    """Rasa's replies: a menu with buttons, buttons alone, or an echo."""
    if text in ("menu", "/show_menu"):
        return [{"recipient_id": sender, "text": "Voici le menu 👇", "buttons": MENU_BUTTONS}]
    if text == "boutons seuls":
        return [{"recipient_id": sender, "buttons": MENU_BUTTONS[:1]}]
    return [{"recipient_id": sender, "text": f"Rasa: {text}"}]


@dataclass
class Env:
    """One bridge under test: the application, the fake Bot API, the Rasa double, the store."""

    app: Any
    telegram: FakeTelegram
    rasa: RasaDouble
    gateway: Gateway
    db: str


SAINT_DENIS = commune_by_insee("93066")
PARIS_18 = commune_by_insee("75118")
PARIS_19 = commune_by_insee("75119")
PARIS_ML = mission_locale_for("75118")


def fake_resolver(latitude: float, longitude: float) -> Resolution:
    """Saint-Denis, Paris (found, no single commune), a border, Lyon (outside), the sea."""
    if latitude > 48.9:
        return Resolution("found", SAINT_DENIS, mission_locale_for("93066"), ())
    if latitude > 48.85:
        return Resolution("found", None, PARIS_ML, (PARIS_18, PARIS_19))  # type: ignore[arg-type]
    if latitude > 48.0:
        return Resolution("ambiguous", None, None, (SAINT_DENIS, PARIS_18))  # type: ignore[arg-type]
    if latitude > 45.0:
        return Resolution("outside_idf", None, None, ())
    return Resolution("not_found", None, None, ())


async def make_env(db: str, rasa: RasaDouble | None = None, **options: Any) -> Env:
    rasa = rasa or RasaDouble(answer=menu_or_echo)
    client = RasaClient(
        "http://rasa:5005", "http://actions:5055", "tok", transport=rasa.transport()
    )
    gateway = Gateway(client, "test-secret-key", db)
    telegram = FakeTelegram()
    options.setdefault("resolver", fake_resolver)
    app = build_application("123:ABC", gateway, db, request=telegram, **options)
    await app.initialize()
    return Env(app, telegram, rasa, gateway, db)


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path}/t.db"
    upgrade(url)
    return url


@pytest.fixture
async def env(db: str) -> AsyncIterator[Env]:
    environment = await make_env(db)
    yield environment
    await environment.app.shutdown()


@pytest.fixture(autouse=True)
def no_personal_data_in_logs(caplog: pytest.LogCaptureFixture) -> Any:
    """Whatever a test does, logs at INFO and above never show a chat id or a message text."""
    caplog.set_level(logging.INFO)
    yield
    for record in caplog.records:
        shown = record.getMessage() + (record.exc_text or "")
        assert str(CHAT) not in shown
        assert "Lina" not in shown and "bonjour" not in shown.lower()


# --- update payloads ----------------------------------------------------------------------------

_ids = iter(range(1, 10_000))


def _message(chat_id: int = CHAT, chat_type: str = "private", **content: Any) -> dict[str, Any]:
    chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
    if chat_type != "private":
        chat["title"] = "Un groupe"
    message: dict[str, Any] = {"message_id": next(_ids), "date": 1_700_000_000, "chat": chat}
    if chat_type != "channel":
        sender = chat_id if chat_type == "private" else CHAT
        message["from"] = {"id": sender, "is_bot": False, "first_name": "Lina"}
    return {**message, **content}


def update(kind: str = "message", update_id: int | None = None, **content: Any) -> dict[str, Any]:
    """An update of `kind` ("message", "edited_message", "channel_post") with `content`."""
    return {"update_id": update_id or next(_ids), kind: _message(**content)}


def text_update(text: str, chat_id: int = CHAT, update_id: int | None = None) -> dict[str, Any]:
    return update(update_id=update_id, chat_id=chat_id, text=text)


def press(data: str, chat_id: int = CHAT) -> dict[str, Any]:
    """A press on an inline button of a message the bot sent."""
    bot_message = _message(chat_id=chat_id, text="Voici le menu 👇")
    bot_message["from"] = {"id": 123, "is_bot": True, "first_name": "Relais"}
    return {
        "update_id": next(_ids),
        "callback_query": {
            "id": f"cb{next(_ids)}",
            "from": {"id": chat_id, "is_bot": False, "first_name": "Lina"},
            "chat_instance": "ci",
            "data": data,
            "message": bot_message,
        },
    }


FILE = {"file_id": "f1", "file_unique_id": "u1"}
MEDIA: dict[str, tuple[dict[str, Any], str]] = {
    "sticker": (
        {
            "sticker": {
                **FILE,
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
            }
        },
        tg.STICKER,
    ),
    "photo": ({"photo": [{**FILE, "width": 90, "height": 90}]}, tg.PHOTO),
    "voice": ({"voice": {**FILE, "duration": 4}}, tg.VOICE),
    "video": ({"video": {**FILE, "width": 640, "height": 360, "duration": 9}}, tg.VIDEO),
    "video_note": ({"video_note": {**FILE, "length": 240, "duration": 5}}, tg.VIDEO),
    "audio": ({"audio": {**FILE, "duration": 120}}, tg.AUDIO),
    "document": ({"document": {**FILE, "file_name": "cv.pdf"}}, tg.DOCUMENT),
    "animation": (
        {
            "animation": {**FILE, "width": 320, "height": 240, "duration": 2},
            "document": {**FILE, "file_name": "giphy.mp4"},
        },
        tg.ANIMATION,
    ),
    "poll": (
        {
            "poll": {
                "id": "p1",
                "question": "On mange quoi ?",
                "options": [{"text": "Pizza", "voter_count": 0, "persistent_id": "o1"}],
                "total_voter_count": 0,
                "is_closed": False,
                "is_anonymous": True,
                "type": "regular",
                "allows_multiple_answers": False,
                "allows_revoting": False,
                "members_only": False,
            }
        },
        tg.POLL,
    ),
    "dice": ({"dice": {"emoji": "🎲", "value": 4}}, tg.DICE),
    "nothing known": ({}, tg.OTHER),
    "story": ({"story": {"chat": {"id": 42, "type": "channel", "title": "c"}, "id": 7}}, tg.OTHER),
}


async def feed(env: Env, payload: dict[str, Any]) -> None:
    await env.app.process_update(Update.de_json(payload, env.app.bot))


def all_text_values(db: str, model: type[Base]) -> list[str]:
    """Every string value of every text column of `model`'s table."""
    columns = [c for c in inspect(model).columns if isinstance(c.type, String | Text)]
    with session_scope(db) as session:
        rows = session.execute(select(*columns)).all()
    return [str(value) for row in rows for value in row if value is not None]


# --- text, buttons, order, duplicates -----------------------------------------------------------


async def test_text_message_gets_rasa_reply(env: Env) -> None:
    await feed(env, text_update("bonjour, je cherche un job"))

    assert env.rasa.messages() == ["bonjour, je cherche un job"]
    assert env.telegram.texts(CHAT) == ["Rasa: bonjour, je cherche un job"]
    sender = env.rasa.received[0]["sender"]
    assert str(CHAT) not in sender  # Rasa knows a pseudonym only


async def test_young_people_table_holds_no_telegram_id_in_clear(env: Env) -> None:
    await feed(env, text_update("bonjour"))
    env.rasa.up = False
    await feed(env, text_update("tu es là ?"))

    values = all_text_values(env.db, YoungPerson)
    assert values, "the young person was recorded"
    assert not any(str(CHAT) in value for value in values)


async def test_slash_commands_go_through_the_gateway(env: Env) -> None:
    await feed(env, text_update("/start"))
    await feed(env, text_update("/aide"))

    assert env.rasa.messages() == ["/greet", "/show_menu"]


async def test_buttons_become_inline_keyboard_with_short_keys(env: Env) -> None:
    await feed(env, text_update("menu"))

    [sent] = env.telegram.called("sendMessage")
    rows = sent["reply_markup"]["inline_keyboard"]
    assert [[b["text"] for b in row] for row in rows] == [["Job", "Formation"], ["Logement"]]
    for button in (b for row in rows for b in row):
        assert button["callback_data"].startswith("b:")
        assert len(button["callback_data"].encode()) <= 64
    with session_scope(env.db) as session:
        stored = session.get(ButtonPayload, callback_key(LONG_PAYLOAD))
        assert stored is not None and stored.payload == LONG_PAYLOAD


async def test_long_titles_get_a_row_each() -> None:
    markup = layout([Button("Je cherche une formation qualifiante", "/a"), Button("Non", "/b")])
    assert [len(row) for row in markup.inline_keyboard] == [1, 1]


async def test_press_sends_original_payload_and_answers_the_query(env: Env) -> None:
    await feed(env, text_update("menu"))
    await feed(env, press(callback_key(LONG_PAYLOAD)))

    assert env.rasa.messages()[-1] == LONG_PAYLOAD
    [answer] = env.telegram.called("answerCallbackQuery")
    assert "text" not in answer
    [edit] = env.telegram.called("editMessageReplyMarkup")
    assert int(edit["chat_id"]) == CHAT and "reply_markup" not in edit
    assert env.telegram.texts(CHAT)[-1] == f"Rasa: {LONG_PAYLOAD}"


async def test_press_still_works_after_a_restart(db: str) -> None:
    first = await make_env(db)
    await feed(first, text_update("menu"))
    await first.app.shutdown()

    second = await make_env(db)  # a new process: nothing in memory
    await feed(second, press(callback_key("/ask_housing")))
    await second.app.shutdown()

    assert second.rasa.messages() == ["/ask_housing"]


async def test_unknown_key_answers_and_shows_menu(env: Env) -> None:
    await feed(env, press("b:0123456789abcdef"))

    [answer] = env.telegram.called("answerCallbackQuery")
    assert answer["text"] == tg.EXPIRED_BUTTON
    assert env.rasa.messages() == ["/show_menu"]
    assert env.telegram.texts(CHAT) == ["Voici le menu 👇"]


async def test_callback_query_is_answered_even_when_processing_fails(env: Env) -> None:
    env.rasa.broken = True  # Rasa answers garbage: the gateway raises
    await feed(env, press(callback_key("/ask_job")))

    assert len(env.telegram.called("answerCallbackQuery")) == 1
    assert env.telegram.texts(CHAT)[-1] == tg.SORRY


async def test_reply_with_buttons_and_no_text_gets_a_short_text(env: Env) -> None:
    await feed(env, text_update("boutons seuls"))

    [sent] = env.telegram.called("sendMessage")
    assert sent["text"] == tg.EMPTY_WITH_BUTTONS
    assert sent["reply_markup"]["inline_keyboard"][0][0]["text"] == "Job"


async def test_same_update_twice_is_processed_once(env: Env) -> None:
    payload = text_update("salut", update_id=424242)
    await feed(env, payload)
    await feed(env, payload)

    assert env.rasa.messages() == ["salut"]
    assert env.telegram.texts(CHAT) == ["Rasa: salut"]


def test_old_update_ids_are_forgotten(db: str) -> None:
    # After a week without updates Telegram restarts ids at random: old ids must not block.
    with session_scope(db) as session:
        old = datetime.now(UTC) - timedelta(days=10)
        session.add(ProcessedUpdate(update_id=5, received_at=old))
    seen = SeenOnce(db)

    assert seen.first_time(5) is True
    assert seen.first_time(5) is False


async def test_messages_of_one_chat_are_processed_in_order(env: Env) -> None:
    # The first messages are the slowest for Rasa: without ordering they would overtake.
    env.rasa.delays = {"un": 0.3, "deux": 0.2, "trois": 0.1}
    await env.app.start()
    for text in ("un", "deux", "trois", "quatre"):
        await env.app.update_queue.put(Update.de_json(text_update(text), env.app.bot))
    await env.app.update_queue.put(Update.de_json(text_update("autre", OTHER_CHAT), env.app.bot))
    await asyncio.wait_for(env.app.update_queue.join(), 10)
    await env.app.stop()

    mine = [text for text in env.rasa.messages() if text != "autre"]
    assert mine == ["un", "deux", "trois", "quatre"]
    assert env.telegram.texts(CHAT) == ["Rasa: un", "Rasa: deux", "Rasa: trois", "Rasa: quatre"]
    # Another chat is not held up by this one.
    assert env.telegram.texts().index("Rasa: autre") < env.telegram.texts().index("Rasa: un")


async def test_chat_ordered_processor_keeps_order_per_chat_only() -> None:
    processor = tg.ChatOrderedProcessor(8)
    done: list[str] = []

    async def work(name: str, seconds: float) -> None:
        await asyncio.sleep(seconds)
        done.append(name)

    def upd(text: str, chat_id: int) -> Update:
        return Update.de_json(text_update(text, chat_id), None)

    jobs = [("a1", CHAT, 0.15), ("a2", CHAT, 0.05), ("b1", OTHER_CHAT, 0.0), ("a3", CHAT, 0.0)]
    await asyncio.gather(*(processor.process_update(upd(n, c), work(n, s)) for n, c, s in jobs))

    assert [n for n in done if n.startswith("a")] == ["a1", "a2", "a3"]
    assert done[0] == "b1"  # the other chat did not wait


async def test_slow_answer_shows_typing_first(db: str) -> None:
    env = await make_env(
        db, RasaDouble(answer=menu_or_echo, delays={"lent": 0.3}), typing_after_s=0.05
    )
    await feed(env, text_update("rapide"))
    assert env.telegram.called("sendChatAction") == []

    await feed(env, text_update("lent"))
    await env.app.shutdown()

    methods = [c.method for c in env.telegram.calls if c.method != "getMe"]
    assert methods[-2:] == ["sendChatAction", "sendMessage"]
    assert env.telegram.called("sendChatAction")[0]["action"] == "typing"


async def test_rate_limited_send_is_retried(env: Env) -> None:
    env.telegram.fail_next(
        "sendMessage",
        429,
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 1",
            "parameters": {"retry_after": 1},
        },
    )
    await feed(env, text_update("hello"))

    assert len(env.telegram.called("sendMessage")) == 2
    assert env.telegram.texts(CHAT) == ["Rasa: hello", "Rasa: hello"]  # refused, then sent


# --- every kind of update -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(MEDIA))
async def test_media_get_a_french_reply(env: Env, kind: str) -> None:
    content, expected = MEDIA[kind]
    await feed(env, update(**content))

    assert env.telegram.texts(CHAT) == [expected]
    assert env.rasa.received == []


async def test_photo_and_document_replies_warn_about_id_papers() -> None:
    for text in (tg.PHOTO, tg.DOCUMENT):
        assert "carte d'identité" in text


async def test_contact_is_thanked_and_not_stored(env: Env) -> None:
    phone = "+33612345678"
    contact = {"phone_number": phone, "first_name": "Lina", "user_id": CHAT}
    await feed(env, update(contact=contact))

    assert env.telegram.texts(CHAT) == [tg.CONTACT]
    assert env.rasa.received == []
    for model in Base.__subclasses__():
        if any(isinstance(c.type, String | Text) for c in inspect(model).columns):
            assert not any(phone in value for value in all_text_values(env.db, model))


async def test_edited_message_is_acknowledged_and_answered(env: Env) -> None:
    await feed(env, update("edited_message", text="je cherche un tafff", edit_date=1_700_000_100))

    assert env.telegram.texts(CHAT) == [tg.EDITED, "Rasa: je cherche un tafff"]


async def test_live_location_updates_are_ignored(env: Env) -> None:
    location = {"latitude": 48.93, "longitude": 2.35, "live_period": 900}
    await feed(env, update("edited_message", location=location, edit_date=1_700_000_100))

    assert env.telegram.calls == [c for c in env.telegram.calls if c.method == "getMe"]


async def test_very_long_message_goes_through_cut(env: Env) -> None:
    text = ("je cherche un job " * 300)[:4096]
    await feed(env, text_update(text))

    [received] = env.rasa.messages()
    assert 0 < len(received) <= 1000 and text.startswith(received)
    assert len(env.telegram.texts(CHAT)) == 1


async def test_long_rasa_reply_is_split_under_telegram_limit() -> None:
    parts = tg.split_text("ligne\n" * 1500)
    assert len(parts) == 3 and all(len(p) <= tg.MAX_MESSAGE for p in parts)


async def test_emoji_only_message_goes_to_rasa(env: Env) -> None:
    await feed(env, text_update("😭😭🙏"))

    assert env.rasa.messages() == ["😭😭🙏"]


@pytest.mark.parametrize(
    ("kind", "chat_id", "chat_type"),
    [
        ("message", -1001, "group"),
        ("message", -1002, "supergroup"),
        ("channel_post", -1003, "channel"),
    ],
)
async def test_group_and_channel_get_private_only_reply(
    env: Env, kind: str, chat_id: int, chat_type: str
) -> None:
    await feed(env, update(kind, chat_id=chat_id, chat_type=chat_type, text="/start"))

    assert env.telegram.texts(chat_id) == [tg.PRIVATE_ONLY]
    assert env.rasa.received == []


async def test_update_without_chat_is_ignored_quietly(env: Env) -> None:
    user = {"id": CHAT, "is_bot": False, "first_name": "L"}
    answer = {"poll_id": "p1", "user": user, "option_ids": [0], "option_persistent_ids": ["o1"]}
    await feed(env, {"update_id": next(_ids), "poll_answer": answer})

    assert [c.method for c in env.telegram.calls] == ["getMe"]


async def test_error_is_logged_without_personal_data_and_young_person_told(
    env: Env, caplog: pytest.LogCaptureFixture
) -> None:
    env.rasa.broken = True
    await feed(env, text_update("bonjour c'est Lina"))

    assert env.telegram.texts(CHAT) == [tg.SORRY]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors and "JSONDecodeError" in errors[0].getMessage()


# --- location ------------------------------------------------------------------------------------


async def test_found_position_sends_inform_location_with_insee(env: Env) -> None:
    await feed(env, update(location={"latitude": 48.9362, "longitude": 2.3574}))

    assert env.rasa.messages() == ['/inform_location{"commune_insee":"93066"}']
    assert env.telegram.texts(CHAT) == ['Rasa: /inform_location{"commune_insee":"93066"}']


async def test_position_in_paris_gives_the_mission_locale_without_guessing_a_commune(
    env: Env,
) -> None:
    await feed(env, update(location={"latitude": 48.8566, "longitude": 2.3522}))

    assert env.rasa.messages() == ['/inform_location{"ml_code":"75119"}']


async def test_ambiguous_position_offers_the_communes(env: Env) -> None:
    await feed(env, update(location={"latitude": 48.5, "longitude": 2.35}))

    [sent] = env.telegram.called("sendMessage")
    assert "C'est laquelle ?" in sent["text"]
    titles = [row[0]["text"] for row in sent["reply_markup"]["inline_keyboard"]]
    assert titles == ["Saint-Denis (93)", f"{PARIS_18.name} (75)", "Aucune de celles-là"]  # type: ignore[union-attr]
    await feed(env, press(sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"]))
    assert env.rasa.messages() == ['/inform_location{"commune_insee":"93066"}']


async def test_venue_is_a_position_too(env: Env) -> None:
    venue = {
        "location": {"latitude": 48.9362, "longitude": 2.3574},
        "title": "Basilique",
        "address": "1 rue de la Légion d'Honneur",
    }
    await feed(env, update(venue=venue, location=venue["location"]))

    assert env.rasa.messages() == ['/inform_location{"commune_insee":"93066"}']


async def test_position_outside_idf_says_so_to_rasa(env: Env) -> None:
    await feed(env, update(location={"latitude": 45.76, "longitude": 4.83}))

    assert env.rasa.messages() == [tg.OUTSIDE_IDF_TEXT]


async def test_position_not_found_asks_for_the_commune(env: Env) -> None:
    await feed(env, update(location={"latitude": 10.0, "longitude": -30.0}))

    assert env.telegram.texts(CHAT) == [tg.ASK_COMMUNE]
    assert env.rasa.received == []


async def test_position_with_the_real_routing(db: str) -> None:
    env = await make_env(db, resolver=resolve_position)
    await feed(env, update(location={"latitude": 48.9362, "longitude": 2.3574}))  # Saint-Denis
    await feed(env, update(location={"latitude": 45.7640, "longitude": 4.8357}))  # Lyon
    await feed(env, update(location={"latitude": 48.8566, "longitude": 2.3522}))  # Paris
    await feed(env, update(location={"latitude": 10.0, "longitude": -30.0}))  # the ocean
    await env.app.shutdown()

    assert env.rasa.messages()[:2] == [
        '/inform_location{"commune_insee":"93066"}',
        tg.OUTSIDE_IDF_TEXT,
    ]
    assert env.rasa.messages()[2] == '/inform_location{"ml_code":"75119"}'
    assert env.telegram.texts(CHAT)[-1] == tg.ASK_COMMUNE


# --- Rasa down ----------------------------------------------------------------------------------


async def test_rasa_down_then_back_delivers_the_real_answer(env: Env) -> None:
    env.rasa.up = False
    await feed(env, text_update("je cherche une formation"))

    right_back = tg_right_back()
    assert env.telegram.texts(CHAT) == [right_back]

    env.rasa.up = True
    assert await env.gateway.flush_pending() == 1

    assert env.rasa.messages() == ["je cherche une formation"]
    last = env.telegram.called("sendMessage")[-1]
    assert int(last["chat_id"]) == CHAT
    assert last["text"] == "Rasa: je cherche une formation"


async def test_distress_while_rasa_down_gets_crisis_numbers_at_once(env: Env) -> None:
    env.rasa.up = False
    await feed(env, text_update("je veux mourir"))

    texts = env.telegram.texts(CHAT)
    assert "3114" in texts[0]
    assert texts[-1] == tg_right_back()


def tg_right_back() -> str:
    from relais.dialogue.texts import right_back_reply

    return right_back_reply().text


# --- webhook and polling ------------------------------------------------------------------------


async def test_webhook_route(db: str) -> None:
    env = await make_env(db, webhook=True)
    assert env.app.updater is None
    await start_telegram(env.app, "https://relais.example/telegram/webhook", "s3cret")
    [hook] = env.telegram.called("setWebhook")
    assert hook["secret_token"] == "s3cret" and "message" in hook["allowed_updates"]

    web = Starlette(routes=[webhook_route(env.app, "s3cret")])
    transport = httpx.ASGITransport(app=web)
    good = {"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
    async with httpx.AsyncClient(transport=transport, base_url="http://relais") as client:
        body = text_update("coucou")
        url = "/telegram/webhook"
        assert (await client.post(url, json=body)).status_code == 403
        wrong = {"X-Telegram-Bot-Api-Secret-Token": "nope"}
        assert (await client.post(url, json=body, headers=wrong)).status_code == 403
        assert (await client.post(url, content=b"{not json", headers=good)).status_code == 400
        assert (await client.post(url, json=[1, 2], headers=good)).status_code == 400
        assert (await client.post(url, json={"message": 3}, headers=good)).status_code == 400
        unreadable = {"update_id": 77, "message": 3}  # acknowledged so Telegram moves on
        assert (await client.post(url, json=unreadable, headers=good)).status_code == 200
        assert (await client.post(url, json=body, headers=good)).status_code == 200
    await asyncio.wait_for(env.app.update_queue.join(), 5)
    await stop_telegram(env.app)

    assert env.rasa.messages() == ["coucou"]
    assert env.telegram.texts(CHAT) == ["Rasa: coucou"]
    assert env.telegram.called("deleteWebhook") == []  # kept for the next start


async def test_polling_start_and_stop(db: str) -> None:
    env = await make_env(db)
    env.telegram.updates = [text_update("salut")]
    await start_telegram(env.app, None, "unused")
    for _ in range(200):
        if env.telegram.texts(CHAT):
            break
        await asyncio.sleep(0.02)
    await stop_telegram(env.app)

    assert env.telegram.texts(CHAT) == ["Rasa: salut"]
    polls = env.telegram.called("getUpdates")
    assert "message" in polls[0]["allowed_updates"]
    assert "callback_query" in polls[0]["allowed_updates"]


def test_webhook_route_needs_a_secret() -> None:
    with pytest.raises(ValueError):
        webhook_route(object(), "")  # type: ignore[arg-type]
