"""One stand-in for the Rasa HTTP server and the action server, for the channel tests.

The real servers run in the end-to-end tests; this double answers like Rasa's REST channel
(`/webhooks/rest/webhook`), its tracker API and both health checks, can be switched off
(`up = False`), made slow per message (`delays`) or made to answer garbage (`broken`), and
records every request body it received.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

Answer = Callable[[str, str], list[dict[str, Any]]]


def echo_with_a_button(sender: str, text: str) -> list[dict[str, Any]]:
    """Rasa's replies by default: an echo then a question with one button; erasure on request."""
    if text == "/delete_data":
        return [
            {"recipient_id": sender, "text": "C'est fait, j'ai tout effacé 🗑️"},
            {"recipient_id": sender, "custom": {"relais_erase": True}},
        ]
    return [
        {"recipient_id": sender, "text": f"réponse à : {text}"},
        {
            "recipient_id": sender,
            "text": "Ça te va ?",
            "buttons": [{"title": "✅ OK", "payload": '/affirm{"topic":"privacy"}'}],
        },
    ]


@dataclass
class RasaDouble:
    """Rasa's HTTP API and the action server's health check, in one httpx handler."""

    answer: Answer = echo_with_a_button
    up: bool = True
    broken: bool = False
    intent: str = "ask_job"
    delays: dict[str, float] = field(default_factory=dict)
    received: list[dict[str, Any]] = field(default_factory=list)

    def messages(self) -> list[str]:
        """Texts Rasa received, in order."""
        return [str(body["message"]) for body in self.received]

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        if not self.up:
            raise httpx.ConnectError("connection refused", request=request)
        path = request.url.path
        if request.method == "GET" and path in ("/", "/health"):
            return httpx.Response(200, json={"status": "ok"})
        if request.method == "GET" and path.startswith("/conversations/"):
            latest = {"intent": {"name": self.intent, "confidence": 0.91}}
            return httpx.Response(200, json={"latest_message": latest})
        if request.method == "POST" and path == "/webhooks/rest/webhook":
            body = json.loads(request.content)
            self.received.append(body)
            await asyncio.sleep(self.delays.get(body["message"], 0.0))
            if self.broken:
                return httpx.Response(200, content=b"<html>not json</html>")
            return httpx.Response(200, json=self.answer(body["sender"], body["message"]))
        return httpx.Response(404)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)
