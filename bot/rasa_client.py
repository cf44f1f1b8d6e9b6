"""Talks to the Rasa server (REST channel and HTTP API) and checks the action server is up."""

from __future__ import annotations

import time
from typing import Any

import httpx

from relais.messages import BotReply

HEALTH_TTL_S = 1.0


class RasaUnavailable(Exception):
    """Rasa or the action server could not answer this message."""


class RasaClient:
    """A small async client for one Rasa server and its action server."""

    def __init__(
        self,
        rasa_url: str,
        action_server_url: str,
        token: str,
        timeout_s: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._rasa_url = rasa_url.rstrip("/")
        self._actions_url = action_server_url.rstrip("/")
        self._token = token
        self._http = httpx.AsyncClient(timeout=timeout_s, transport=transport)
        self._healthy_at = 0.0

    async def close(self) -> None:
        """Release the connection pool."""
        await self._http.aclose()

    async def healthy(self) -> bool:
        """True when both the Rasa server and the action server answer.

        A success is trusted for `HEALTH_TTL_S`; a failed turn clears it, so an outage is
        noticed at once and a recovery within a second.
        """
        if time.monotonic() - self._healthy_at < HEALTH_TTL_S:
            return True
        try:
            rasa = await self._http.get(f"{self._rasa_url}/", timeout=3.0)
            actions = await self._http.get(f"{self._actions_url}/health", timeout=3.0)
        except httpx.HTTPError:
            return False
        up = rasa.status_code == 200 and actions.status_code == 200
        self._healthy_at = time.monotonic() if up else 0.0
        return up

    async def send(
        self, sender: str, text: str, metadata: dict[str, Any] | None = None
    ) -> list[BotReply]:
        """One conversation turn through the REST channel; raises RasaUnavailable on failure."""
        if not await self.healthy():
            raise RasaUnavailable("Rasa or the action server is down")
        try:
            response = await self._http.post(
                f"{self._rasa_url}/webhooks/rest/webhook",
                json={"sender": sender, "message": text, "metadata": metadata or {}},
            )
        except httpx.HTTPError as error:
            self._healthy_at = 0.0
            raise RasaUnavailable(str(error)) from error
        if response.status_code != 200:
            self._healthy_at = 0.0
            raise RasaUnavailable(f"Rasa answered HTTP {response.status_code}")
        items = response.json()
        replies = [BotReply.from_rasa(item) for item in items if isinstance(item, dict)]
        if not replies:
            # Every turn of our dialogue answers something: silence means an action failed.
            self._healthy_at = 0.0
            raise RasaUnavailable("Rasa returned no message")
        return replies

    async def latest_intent(self, sender: str) -> tuple[str | None, float | None]:
        """The intent and confidence Rasa gave the last message of `sender`."""
        try:
            response = await self._http.get(
                f"{self._rasa_url}/conversations/{sender}/tracker",
                params={"include_events": "NONE", "token": self._token},
            )
            latest = response.json().get("latest_message") or {}
        except (httpx.HTTPError, ValueError):
            return None, None
        intent = latest.get("intent") or {}
        confidence = intent.get("confidence")
        return intent.get("name"), float(confidence) if confidence is not None else None
