"""Starlette app of the web chat: the page, its static files and a small JSON API.

The page posts each message to `/api/chat` and polls `/api/updates` for replies produced
later (after a Rasa outage), which the gateway's "web" deliverer queues in the outbox.
No message text and no session id is ever logged.
"""

from __future__ import annotations

import json
import logging
import math
import re
import traceback
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Lifespan, Message, Receive, Scope, Send

from bot.commands import to_rasa_text
from bot.gateway import Gateway
from bot.web.rate_limit import RateLimiter
from relais.config import ADDRESS_RATE, SESSION_RATE, Rate
from relais.dialogue.texts import crisis_replies
from relais.messages import BotReply, Inbound
from relais.safety.distress import detect_distress
from store.db import session_scope
from store.outbox import fetch_after, purge_expired, push
from store.people import find_person

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
CHANNEL = "web"
SESSION_RE = re.compile(r"[A-Za-z0-9-]{8,64}")
MAX_BODY_BYTES = 256 * 1024
MAX_PAYLOAD_CHARS = 2000
SLOW_DOWN = (
    "Doucement 🙂 tu m'envoies beaucoup de messages d'un coup. "
    "Attends {seconds} s et renvoie ton message, il est resté dans ta zone de texte."
)
APOLOGY = (
    "Oups, un souci de mon côté… Réessaie dans un petit moment, "
    "ton message n'est pas perdu de ton côté."
)

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class _BadRequest(Exception):
    """Input we refuse, with a machine code and a French sentence for the young person."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(code)
        self.code = code
        self.message = message
        self.status = status

    def response(self) -> JSONResponse:
        return _json({"error": self.code, "message": self.message}, self.status)


def _json(content: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse(content, status_code=status, headers={"cache-control": "no-store"})


def _log_failure(where: str, error: BaseException) -> None:
    """Log a failure by type and code location only: messages may carry personal data."""
    frames = " <- ".join(
        f"{Path(f.filename).name}:{f.lineno} {f.name}"
        for f in reversed(traceback.extract_tb(error.__traceback__))
    )
    log.error("%s failed: %s at %s", where, type(error).__name__, frames)


def _apology() -> JSONResponse:
    return _json({"replies": [{"text": APOLOGY, "buttons": []}], "last_id": None}, 503)


async def _read_json(request: Request) -> dict[str, Any]:
    """The request body as a JSON object, read with a size limit."""
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_BODY_BYTES:
            raise _BadRequest(
                "too_large", "Ton message est beaucoup trop long : coupe-le en plusieurs fois.", 413
            )
    if not body:
        raise _BadRequest("missing_json", "Requête vide, JSON attendu / empty body.")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise _BadRequest("invalid_json", "JSON invalide / invalid JSON.") from error
    if not isinstance(data, dict):
        raise _BadRequest("invalid_json", "Un objet JSON est attendu / a JSON object is expected.")
    return data


def _session(value: Any) -> str:
    """The session token sent by the page, checked."""
    if not isinstance(value, str) or not SESSION_RE.fullmatch(value):
        raise _BadRequest(
            "invalid_session", "Session manquante ou invalide / missing or invalid session."
        )
    return value


def _after(value: Any) -> int | None:
    """The id of the last late reply the page has shown (None when the client does not say)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _BadRequest("invalid_after", "`after` doit être un entier / must be an integer.")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.isdigit() and len(value) < 19:
        number = int(value)
    else:
        raise _BadRequest("invalid_after", "`after` doit être un entier / must be an integer.")
    if number < 0:
        raise _BadRequest("invalid_after", "`after` doit être positif / must not be negative.")
    return number


def _message(data: dict[str, Any]) -> tuple[str, bool]:
    """What the young person sent: (text, is_payload)."""
    text, payload = data.get("text"), data.get("payload")
    if text is not None and not isinstance(text, str):
        raise _BadRequest("invalid_text", "`text` doit être du texte / must be a string.")
    if payload is not None and payload != "":
        if not isinstance(payload, str):
            raise _BadRequest("invalid_payload", "`payload` doit être du texte / must be a string.")
        payload = payload.strip()
        if not payload.startswith("/") or len(payload) > MAX_PAYLOAD_CHARS:
            raise _BadRequest("invalid_payload", "Bouton inconnu / invalid button payload.")
        return payload, True
    text = text or ""
    if not to_rasa_text(text):
        raise _BadRequest("empty_text", "Message vide : écris quelque chose avant d'envoyer.")
    return text, False


def _slow_down(seconds: float) -> JSONResponse:
    wait = max(1, math.ceil(seconds))
    response = _json({"error": "rate_limited", "message": SLOW_DOWN.format(seconds=wait)}, 429)
    response.headers["retry-after"] = str(wait)
    return response


def _replies_dicts(replies: list[BotReply]) -> list[dict[str, Any]]:
    return [reply.to_dict() for reply in replies]


class _SecurityHeaders:
    """Adds a strict CSP and privacy headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in present)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _RedactQuery(logging.Filter):
    """Drops query strings (they carry the session id) from uvicorn's access log."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path = args[2].split("?", 1)[0]
            record.args = (*args[:2], path, *args[3:])
        return True


def _redact_access_log() -> None:
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, _RedactQuery) for f in access.filters):
        access.addFilter(_RedactQuery())


def create_web_app(
    gateway: Gateway,
    database_url: str,
    extra_routes: list[BaseRoute] | None = None,
    lifespan: Lifespan[Starlette] | None = None,
    session_rate: Rate | None = SESSION_RATE,
    address_rate: Rate | None = ADDRESS_RATE,
) -> Starlette:
    """The web chat app; also registers the gateway's "web" deliverer (late replies → outbox).

    `session_rate` and `address_rate` cap the messages of one session and of one client address
    (None: no cap); a throttled message that says the young person is in danger still gets the
    crisis numbers.
    """
    limiters = [
        (RateLimiter(rate), kind)
        for rate, kind in ((session_rate, "session"), (address_rate, "address"))
        if rate is not None
    ]

    def throttled(session_id: str, address: str) -> float:
        """0 when this message may go on, else the seconds to wait (no token is spent then)."""
        keys = {"session": session_id, "address": address}
        waits = [limiter.retry_after(keys[kind]) for limiter, kind in limiters]
        if any(waits):
            return max(waits)
        for limiter, kind in limiters:
            limiter.take(keys[kind])
        return 0.0

    def outbox_push(pseudonym: str, replies: list[BotReply]) -> None:
        with session_scope(database_url) as session:
            for reply in replies:
                push(session, pseudonym, reply.to_dict())
            purge_expired(session)

    async def deliver(pseudonym: str, _address: str | None, replies: list[BotReply]) -> None:
        await run_in_threadpool(outbox_push, pseudonym, replies)

    gateway.register_deliverer(CHANNEL, deliver)

    def outbox_after(pseudonym: str, after: int) -> tuple[list[dict[str, Any]], int]:
        with session_scope(database_url) as session:
            rows = fetch_after(session, pseudonym, after)
        late = [{**payload, "id": row_id} for row_id, payload in rows]
        return late, max([after, *(row_id for row_id, _ in rows)])

    def is_erased(pseudonym: str) -> bool:
        with session_scope(database_url) as session:
            return find_person(session, pseudonym) is None

    async def page(_request: Request) -> Response:
        return FileResponse(STATIC_DIR / "index.html", headers={"cache-control": "no-cache"})

    async def health(_request: Request) -> Response:
        return _json({"status": "ok"})

    async def chat(request: Request) -> Response:
        try:
            data = await _read_json(request)
            session_id = _session(data.get("session"))
            text, is_payload = _message(data)
            after = _after(data.get("after"))
        except _BadRequest as bad:
            return bad.response()
        wait = throttled(session_id, request.client.host if request.client else "")
        if wait:
            kind = None if is_payload else detect_distress(text)
            if kind is None:
                return _slow_down(wait)
            # No Rasa turn (that is what the limit protects), but the numbers at once.
            return _json({"replies": _replies_dicts(crisis_replies(kind)), "last_id": after})
        try:
            pseudonym = gateway.pseudonym(CHANNEL, session_id)
            last_id = after or 0
            if after is None:  # replies queued during this turn stay for the next poll
                _, last_id = await run_in_threadpool(outbox_after, pseudonym, 0)
            inbound = Inbound(
                channel=CHANNEL, external_id=session_id, text=text, is_payload=is_payload
            )
            replies = await gateway.handle(inbound)
            if await run_in_threadpool(is_erased, pseudonym):
                return _json({"replies": _replies_dicts(replies), "last_id": 0, "erased": True})
            late: list[dict[str, Any]] = []
            if after is not None:  # answers to earlier messages come first, in order
                late, last_id = await run_in_threadpool(outbox_after, pseudonym, after)
        except Exception as error:  # never a raw 500: the page shows the apology
            _log_failure("chat turn", error)
            return _apology()
        return _json({"replies": [*late, *_replies_dicts(replies)], "last_id": last_id})

    async def updates(request: Request) -> Response:
        try:
            session_id = _session(request.query_params.get("session"))
            after = _after(request.query_params.get("after")) or 0
        except _BadRequest as bad:
            return bad.response()
        try:
            pseudonym = gateway.pseudonym(CHANNEL, session_id)
            late, last_id = await run_in_threadpool(outbox_after, pseudonym, after)
        except Exception as error:
            _log_failure("updates", error)
            return _json({"error": "unavailable", "message": APOLOGY}, 503)
        return _json({"replies": late, "last_id": last_id})

    async def http_error(_request: Request, error: Exception) -> Response:
        status = error.status_code if isinstance(error, HTTPException) else 500
        messages = {404: "Page introuvable / not found.", 405: "Méthode non permise / not allowed."}
        return _json({"error": str(status), "message": messages.get(status, APOLOGY)}, status)

    async def server_error(_request: Request, error: Exception) -> Response:
        _log_failure("request", error)
        return _apology()

    routes: list[BaseRoute] = [
        Route("/", page, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/api/chat", chat, methods=["POST"]),
        Route("/api/updates", updates, methods=["GET"]),
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
        *(extra_routes or []),
    ]
    _redact_access_log()
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={HTTPException: http_error, Exception: server_error},
    )
    app.add_middleware(_SecurityHeaders)
    return app
