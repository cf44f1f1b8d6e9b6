"""API tests of the web chat (bot/web/app.py) against an imitation of Rasa."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.gateway import Gateway
from bot.rasa_client import RasaClient
from bot.web import create_web_app
from relais.config import Rate
from store.migrate import upgrade
from tests.rasa_double import RasaDouble

RASA_URL = "http://rasa.test:5005"
ACTIONS_URL = "http://actions.test:5055"


def echo_and_a_menu(sender: str, message: str) -> list[dict[str, Any]]:
    """Rasa's replies: an echo and a question with two buttons; erasure on request."""
    if message == "/delete_data":
        return [
            {"recipient_id": sender, "text": "C'est fait, j'ai tout effacé."},
            {"recipient_id": sender, "custom": {"relais_erase": True}},
        ]
    return [
        {"recipient_id": sender, "text": f"Reçu : {message}"},
        {
            "recipient_id": sender,
            "text": "Tu veux quoi ?",
            "buttons": [
                {"title": "Trouver un job", "payload": "/ask_job"},
                {"title": "Une formation", "payload": '/ask_training{"domain":"btp"}'},
            ],
        },
    ]


@pytest.fixture
def rasa() -> RasaDouble:
    return RasaDouble(answer=echo_and_a_menu)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'relais.db'}"
    upgrade(url)
    return url


@pytest.fixture
async def gateway(rasa: RasaDouble, database_url: str) -> AsyncIterator[Gateway]:
    client = RasaClient(RASA_URL, ACTIONS_URL, "token", transport=rasa.transport())
    yield Gateway(client, "test-secret-key", database_url)
    await client.close()


@pytest.fixture
async def api(gateway: Gateway, database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    app = create_web_app(gateway, database_url)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://web.test") as client:
        yield client


def new_session() -> str:
    return str(uuid.uuid4())


async def test_chat_round_trip_returns_rasa_replies_with_buttons(api, rasa):
    response = await api.post("/api/chat", json={"session": new_session(), "text": "salut"})
    assert response.status_code == 200
    data = response.json()
    assert [r["text"] for r in data["replies"]] == ["Reçu : salut", "Tu veux quoi ?"]
    assert data["replies"][1]["buttons"] == [
        {"title": "Trouver un job", "payload": "/ask_job"},
        {"title": "Une formation", "payload": '/ask_training{"domain":"btp"}'},
    ]
    assert data["replies"][0]["buttons"] == []
    assert isinstance(data["last_id"], int)
    assert rasa.received[0]["message"] == "salut"
    assert rasa.received[0]["metadata"]["channel"] == "web"
    assert response.headers["cache-control"] == "no-store"


async def test_sender_is_the_pseudonym_never_the_session_id(api, rasa, gateway):
    session = new_session()
    await api.post("/api/chat", json={"session": session, "text": "salut"})
    assert rasa.received[0]["sender"] == gateway.pseudonym("web", session)
    assert session not in json.dumps(rasa.received)


async def test_button_payload_goes_to_rasa_as_payload(api, rasa):
    payload = '/ask_training{"domain":"btp"}'
    response = await api.post(
        "/api/chat", json={"session": new_session(), "text": "Une formation", "payload": payload}
    )
    assert response.status_code == 200
    assert rasa.received[-1]["message"] == payload


async def test_typed_slash_text_is_not_a_raw_intent(api, rasa):
    await api.post("/api/chat", json={"session": new_session(), "text": "/ask_job"})
    assert rasa.received[-1]["message"] == "ask_job"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", 400),
        (b"not json", 400),
        (b"{", 400),
        (b"\xff\xfe\x00", 400),
        (b"[1, 2]", 400),
        (b'"just a string"', 400),
        (b"null", 400),
        (json.dumps({"text": "salut"}).encode(), 400),  # missing session
        (json.dumps({"session": "abc", "text": "salut"}).encode(), 400),  # too short
        (json.dumps({"session": "x" * 65, "text": "salut"}).encode(), 400),  # too long
        (json.dumps({"session": "../../etc/passwd", "text": "salut"}).encode(), 400),
        (json.dumps({"session": "1234abcd<script>", "text": "salut"}).encode(), 400),
        (json.dumps({"session": 12345678, "text": "salut"}).encode(), 400),
        (json.dumps({"session": None, "text": "salut"}).encode(), 400),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": ""}).encode(), 400),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": "   \n "}).encode(), 400),
        (json.dumps({"session": "a1b2c3d4-e5f6"}).encode(), 400),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": 42}).encode(), 400),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": ["a"]}).encode(), 400),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": {"a": 1}}).encode(), 400),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": "ok", "payload": 3}).encode(), 400),
        (json.dumps({"session": "a1b2c3d4-e5f6", "payload": "pas un intent"}).encode(), 400),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": "ok", "after": "x"}).encode(), 400),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": "ok", "after": -1}).encode(), 400),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": "ok", "after": True}).encode(), 400),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": "/"}).encode(), 400),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": "x" * 10_000}).encode(), 200),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": "é" * 5_000}).encode(), 200),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": "ok", "extra": [1]}).encode(), 200),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": "ok", "payload": None}).encode(), 200),
        (json.dumps({"session": "a1b2c3d4-e5f6", "text": "ok", "payload": ""}).encode(), 200),
        (b'{"session": "a1b2c3d4-e5f6", "text": "ok"' + b" " * 300_000 + b"}", 413),
    ],
)
async def test_bad_input_gets_a_clear_answer_never_a_500(api, content, expected):
    response = await api.post(
        "/api/chat", content=content, headers={"content-type": "application/json"}
    )
    assert response.status_code == expected
    data = response.json()
    if expected == 200:
        assert data["replies"]
    else:
        assert data["error"]
        assert data["message"]


async def test_empty_text_says_message_vide(api):
    response = await api.post("/api/chat", json={"session": new_session(), "text": ""})
    assert response.status_code == 400
    assert "message vide" in response.json()["message"].lower()


async def test_long_text_is_accepted_and_cut_for_rasa(api, rasa):
    response = await api.post("/api/chat", json={"session": new_session(), "text": "a" * 10_000})
    assert response.status_code == 200
    assert len(rasa.received[-1]["message"]) <= 1000


async def test_unexpected_error_gives_an_apology_without_logging_personal_data(
    api, gateway, monkeypatch, caplog
):
    session = new_session()

    async def boom(_inbound: Any) -> list[Any]:
        raise RuntimeError("secret words of the young person")

    monkeypatch.setattr(gateway, "handle", boom)
    with caplog.at_level(logging.DEBUG):
        response = await api.post("/api/chat", json={"session": session, "text": "mon secret"})
    assert response.status_code == 503
    assert response.json()["replies"][0]["text"].startswith("Oups, un souci de mon côté…")
    assert "RuntimeError" in caplog.text
    assert "secret" not in caplog.text
    assert session not in caplog.text
    assert gateway.pseudonym("web", session) not in caplog.text


async def test_rasa_down_then_late_reply_reaches_only_that_session(api, rasa, gateway):
    session, other = new_session(), new_session()
    await api.post("/api/chat", json={"session": other, "text": "coucou"})
    rasa.up = False
    response = await api.post("/api/chat", json={"session": session, "text": "je cherche un job"})
    assert response.status_code == 200
    down = response.json()
    assert len(down["replies"]) == 1
    assert "je te réponds très vite" in down["replies"][0]["text"]
    assert (await api.get("/api/updates", params={"session": session})).json()["replies"] == []

    rasa.up = True
    assert await gateway.flush_pending() == 1
    updates = (await api.get("/api/updates", params={"session": session, "after": 0})).json()
    assert [r["text"] for r in updates["replies"]] == ["Reçu : je cherche un job", "Tu veux quoi ?"]
    assert updates["replies"][1]["buttons"][0] == {"title": "Trouver un job", "payload": "/ask_job"}
    assert updates["last_id"] == updates["replies"][-1]["id"]

    again = await api.get("/api/updates", params={"session": session, "after": updates["last_id"]})
    assert again.json() == {"replies": [], "last_id": updates["last_id"]}
    for someone in (other, new_session()):
        assert (await api.get("/api/updates", params={"session": someone})).json()["replies"] == []


async def test_next_message_after_outage_brings_the_late_answers_first(api, rasa):
    session = new_session()
    rasa.up = False
    await api.post("/api/chat", json={"session": session, "text": "premier", "after": 0})
    rasa.up = True
    response = await api.post("/api/chat", json={"session": session, "text": "second", "after": 0})
    data = response.json()
    texts = [r["text"] for r in data["replies"]]
    assert texts == ["Reçu : premier", "Tu veux quoi ?", "Reçu : second", "Tu veux quoi ?"]
    assert all("id" in r for r in data["replies"][:2])
    assert data["last_id"] == data["replies"][1]["id"]


async def test_without_after_late_answers_wait_for_the_next_poll(api, rasa):
    session = new_session()
    rasa.up = False
    await api.post("/api/chat", json={"session": session, "text": "premier"})
    rasa.up = True
    data = (await api.post("/api/chat", json={"session": session, "text": "second"})).json()
    assert [r["text"] for r in data["replies"]] == ["Reçu : second", "Tu veux quoi ?"]
    updates = (
        await api.get("/api/updates", params={"session": session, "after": data["last_id"]})
    ).json()
    assert [r["text"] for r in updates["replies"]] == ["Reçu : premier", "Tu veux quoi ?"]


async def test_delete_data_says_erased(api, rasa):
    session = new_session()
    await api.post("/api/chat", json={"session": session, "text": "salut"})
    response = await api.post(
        "/api/chat",
        json={"session": session, "text": "Effacer mes données", "payload": "/delete_data"},
    )
    data = response.json()
    assert response.status_code == 200
    assert data["erased"] is True
    assert data["last_id"] == 0
    assert [r["text"] for r in data["replies"]] == ["C'est fait, j'ai tout effacé."]
    assert rasa.received[-1]["message"] == "/delete_data"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"session": "short"},
        {"session": "bad session!!"},
        {"session": "a1b2c3d4-e5f6", "after": "abc"},
        {"session": "a1b2c3d4-e5f6", "after": "-3"},
        {"session": "a1b2c3d4-e5f6", "after": "9" * 40},
    ],
)
async def test_updates_bad_input_is_400(api, params):
    response = await api.get("/api/updates", params=params)
    assert response.status_code == 400
    assert response.json()["error"]


async def test_health(api):
    response = await api.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_page_and_static_files_are_local_and_safe(api):
    page = await api.get("/")
    assert page.status_code == 200
    assert 'lang="fr"' in page.text
    assert 'role="log"' in page.text
    assert "Relais — ta Mission Locale, en direct" in page.text
    assert "http://" not in page.text and "https://" not in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["referrer-policy"] == "no-referrer"
    for name in ("chat.js", "chat.css"):
        asset = await api.get(f"/static/{name}")
        assert asset.status_code == 200
        assert "//cdn" not in asset.text and "@import" not in asset.text
    assert "innerHTML" not in (await api.get("/static/chat.js")).text


async def test_unknown_paths_and_methods_answer_json(api):
    missing = await api.get("/static/nope.js")
    assert missing.status_code == 404
    assert missing.json()["error"] == "404"
    wrong = await api.get("/api/chat")
    assert wrong.status_code == 405
    assert wrong.json()["error"] == "405"


async def test_extra_routes_are_mounted(gateway, database_url):
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    async def telegram(_request: Request) -> PlainTextResponse:
        return PlainTextResponse("tg")

    app = create_web_app(gateway, database_url, extra_routes=[Route("/telegram", telegram)])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://web.test") as client:
        assert (await client.get("/telegram")).text == "tg"


def test_access_log_loses_the_query_string(gateway, database_url):
    create_web_app(gateway, database_url)
    access = logging.getLogger("uvicorn.access")
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/api/updates?session=a1b2c3d4-e5f6&after=3", "1.1", 200),
        None,
    )
    assert all(f.filter(record) for f in access.filters)
    assert "session" not in record.getMessage()
    assert "/api/updates" in record.getMessage()


async def limited_client(
    gateway: Gateway, database_url: str, address: str = "10.0.0.1", **rates: Any
) -> httpx.AsyncClient:
    """A client of a web chat with the given rates, seen as coming from `address`."""
    app = create_web_app(gateway, database_url, **rates)
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://web.test")


async def test_a_flooding_session_is_asked_to_slow_down_and_rasa_is_spared(
    gateway, database_url, rasa
):
    session = new_session()
    async with await limited_client(gateway, database_url, session_rate=Rate(3, 3600)) as api:
        for word in ("un", "deux", "trois"):
            assert (await api.post("/api/chat", json={"session": session, "text": word})).is_success
        refused = await api.post("/api/chat", json={"session": session, "text": "quatre"})
        other = await api.post("/api/chat", json={"session": new_session(), "text": "salut"})
    assert refused.status_code == 429
    assert refused.json()["error"] == "rate_limited"
    assert refused.json()["message"].startswith("Doucement 🙂")
    assert "renvoie ton message" in refused.json()["message"]
    assert int(refused.headers["retry-after"]) == 1200
    assert other.status_code == 200
    assert rasa.messages() == ["un", "deux", "trois", "salut"], "another session is not held up"


async def test_one_address_is_capped_across_its_sessions(gateway, database_url, rasa):
    rates = {"session_rate": None, "address_rate": Rate(2, 60)}
    async with await limited_client(gateway, database_url, "10.0.0.1", **rates) as school:
        for word in ("a", "b", "c"):
            last = await school.post("/api/chat", json={"session": new_session(), "text": word})
    async with await limited_client(gateway, database_url, "10.0.0.2", **rates) as home:
        elsewhere = await home.post("/api/chat", json={"session": new_session(), "text": "d"})
    assert last.status_code == 429
    assert int(last.headers["retry-after"]) == 30
    assert elsewhere.status_code == 200, "each app has its own buckets: a new address is free"
    assert rasa.messages() == ["a", "b", "d"]


async def test_a_throttled_message_in_danger_still_gets_the_crisis_numbers(
    gateway, database_url, rasa
):
    session = new_session()
    async with await limited_client(gateway, database_url, session_rate=Rate(1, 3600)) as api:
        await api.post("/api/chat", json={"session": session, "text": "salut"})
        danger = await api.post(
            "/api/chat", json={"session": session, "text": "jveux en finir ce soir"}
        )
        button = await api.post(
            "/api/chat",
            json={"session": session, "text": "Oui", "payload": "/affirm"},
        )
    assert danger.status_code == 200
    text = "\n".join(reply["text"] for reply in danger.json()["replies"])
    assert "3114" in text
    assert any(
        b["payload"] == "/request_human" for r in danger.json()["replies"] for b in r["buttons"]
    )
    assert button.status_code == 429
    assert rasa.messages() == ["salut"]


async def test_without_limits_nothing_is_refused(gateway, database_url, rasa):
    session = new_session()
    rates = {"session_rate": None, "address_rate": None}
    async with await limited_client(gateway, database_url, **rates) as api:
        codes = [
            (await api.post("/api/chat", json={"session": session, "text": f"m{i}"})).status_code
            for i in range(30)
        ]
    assert set(codes) == {200}
    assert len(rasa.messages()) == 30
