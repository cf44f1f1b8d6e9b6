"""A stand-in for the Rasa HTTP server, for channel tests (the real one runs in test_end_to_end)."""

from __future__ import annotations

import json
from typing import Any

import httpx


class RasaDouble:
    """Answers like Rasa's REST channel; can be switched down; records what it received."""

    def __init__(self) -> None:
        self.up = True
        self.received: list[tuple[str, str]] = []
        self.intent = "ask_job"

    def reply_for(self, text: str) -> list[dict[str, Any]]:
        if text == "/delete_data":
            return [{"text": "C'est fait 🗑️"}, {"custom": {"relais_erase": True}}]
        return [
            {"text": f"réponse à : {text}"},
            {
                "text": "Ça te va ?",
                "buttons": [{"title": "✅ OK", "payload": '/affirm{"topic":"privacy"}'}],
            },
        ]

    def handler(self, request: httpx.Request) -> httpx.Response:
        if not self.up:
            raise httpx.ConnectError("connection refused", request=request)
        path = request.url.path
        if request.method == "GET" and path in ("/", "/health"):
            return httpx.Response(200, json={"status": "ok"})
        if path == "/webhooks/rest/webhook":
            body = json.loads(request.content)
            self.received.append((body["sender"], body["message"]))
            items = [{"recipient_id": body["sender"], **r} for r in self.reply_for(body["message"])]
            return httpx.Response(200, json=items)
        if path.startswith("/conversations/"):
            latest = {"intent": {"name": self.intent, "confidence": 0.91}}
            return httpx.Response(200, json={"latest_message": latest})
        return httpx.Response(404)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)
