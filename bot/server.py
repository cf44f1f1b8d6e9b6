"""The channels' process: the web chat (always) and Telegram (when a token is set), one server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.routing import BaseRoute

from bot.gateway import Gateway
from bot.rasa_client import RasaClient
from bot.web.app import create_web_app
from relais.config import Settings

log = logging.getLogger(__name__)


def build_app(settings: Settings, rasa: RasaClient | None = None) -> Starlette:
    """Web chat + optional Telegram bridge + the loop that answers messages kept during outages."""
    rasa = rasa or RasaClient(settings.rasa_url, settings.action_server_url, settings.rasa_token)
    gateway = Gateway(rasa, settings.secret_key, settings.database_url)
    telegram: Any = None
    routes: list[BaseRoute] = []
    if settings.telegram_token:
        from bot.telegram.bridge import build_application
        from bot.telegram.webhook import webhook_route

        webhook = settings.telegram_webhook_url is not None
        telegram = build_application(
            settings.telegram_token, gateway, settings.database_url, webhook=webhook
        )
        if webhook:
            routes.append(webhook_route(telegram, settings.telegram_webhook_secret or ""))

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        retry = asyncio.create_task(gateway.run_retry_loop(settings.retry_interval_s))
        if telegram is not None:
            from bot.telegram.bridge import start_telegram

            await start_telegram(
                telegram, settings.telegram_webhook_url, settings.telegram_webhook_secret or ""
            )
            mode = "webhook" if settings.telegram_webhook_url else "polling"
            log.info("Telegram bridge started (%s)", mode)
        try:
            yield
        finally:
            retry.cancel()
            if telegram is not None:
                from bot.telegram.bridge import stop_telegram

                await stop_telegram(telegram)
            await rasa.close()

    return create_web_app(
        gateway,
        settings.database_url,
        extra_routes=routes,
        lifespan=lifespan,
        session_rate=settings.web_session_rate,
        address_rate=settings.web_address_rate,
    )


async def serve(settings: Settings) -> None:
    """Serve until interrupted."""
    app = build_app(settings)
    print(f"Relais web chat: http://{settings.web_host}:{settings.web_port}/", flush=True)
    if not settings.telegram_token:
        print("Telegram: off (set TELEGRAM_BOT_TOKEN to connect a bot)", flush=True)
    config = uvicorn.Config(app, host=settings.web_host, port=settings.web_port, log_level="info")
    await uvicorn.Server(config).serve()
