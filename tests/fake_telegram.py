"""A fake Telegram Bot API at the HTTP edge: records every call, answers like Telegram."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_ID = 123
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "Relais", "username": "relais_test_bot"}


@dataclass
class Call:
    """One Bot API request: its method name and parameters."""

    method: str
    params: dict[str, Any]


class FakeTelegram(BaseRequest):
    """Plays Telegram's servers for python-telegram-bot (`Application.builder().request(...)`)."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.failures: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self._message_id = 1000

    @property
    def read_timeout(self) -> float | None:
        """Default read timeout (getUpdates adds its own long-polling timeout)."""
        return 5.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    def fail_next(self, method: str, status: int, body: dict[str, Any]) -> None:
        """Make the next call of `method` answer `status` with `body` (e.g. 429 RetryAfter)."""
        self.failures.setdefault(method, []).append((status, body))

    def called(self, method: str) -> list[dict[str, Any]]:
        """Parameters of every call of `method`, in order."""
        return [c.params for c in self.calls if c.method == method]

    def texts(self, chat_id: int | None = None) -> list[str]:
        """Texts sent with sendMessage (to `chat_id` when given), in order."""
        return [
            str(p["text"])
            for p in self.called("sendMessage")
            if chat_id is None or int(p["chat_id"]) == chat_id
        ]

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        """Record the call and answer as the Bot API would."""
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append(Call(name, params))
        if self.failures.get(name):
            status, body = self.failures[name].pop(0)
            return status, json.dumps(body).encode()
        result = await self._result(name, params)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    async def _result(self, name: str, params: dict[str, Any]) -> Any:
        if name == "getMe":
            return BOT_USER
        if name == "sendMessage":
            self._message_id += 1
            chat_id = int(params["chat_id"])
            return {
                "message_id": self._message_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "from": BOT_USER,
                "text": params["text"],
            }
        if name == "getUpdates":
            if not self.updates:
                await asyncio.sleep(0.02)  # long polling, shortened
            served, self.updates = self.updates, []
            return served
        if name == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        return (
            True  # answerCallbackQuery, editMessageReplyMarkup, sendChatAction, set/deleteWebhook
        )
