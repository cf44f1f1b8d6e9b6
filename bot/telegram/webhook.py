"""Webhook mode: the Starlette route Telegram posts updates to."""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_route(
    application: Application[Any, Any, Any, Any, Any, Any],
    secret_token: str,
    path: str = WEBHOOK_PATH,
) -> Route:
    """POST `path`: check Telegram's secret header, queue the update, answer 200 at once.

    Wrong or missing secret → 403; a body that is not a JSON object with an integer
    `update_id` → 400; never 500. An update python-telegram-bot cannot parse (a newer Bot API
    field) is acknowledged with 200 and dropped: Telegram would otherwise redeliver it and hold
    back every later update. The application must be started (`start_telegram`) for queued
    updates to be processed.
    """
    if not secret_token:
        raise ValueError("a webhook needs a secret token")
    expected = secret_token.encode()

    async def telegram_webhook(request: Request) -> Response:
        """Receive one update from Telegram."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return PlainTextResponse("forbidden", status_code=403)
        try:
            data = json.loads(await request.body())
        except ValueError:
            return PlainTextResponse("bad request", status_code=400)
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            return PlainTextResponse("bad request", status_code=400)
        try:
            update = Update.de_json(data, application.bot)
        except Exception as error:  # a shape we cannot read: acknowledge, do not block Telegram
            log.warning("Telegram update dropped, unreadable (%s)", type(error).__name__)
            return Response(status_code=200)
        await application.update_queue.put(update)
        return Response(status_code=200)

    return Route(path, telegram_webhook, methods=["POST"])
