"""Messages exchanged between the channels, Rasa and the actions, independent of any channel."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Button:
    """A quick reply: what the young person sees, and the Rasa payload it sends."""

    title: str
    payload: str


@dataclass(frozen=True)
class BotReply:
    """One bot message: text, optional buttons, optional machine-readable payload."""

    text: str
    buttons: tuple[Button, ...] = ()
    custom: dict[str, Any] | None = None

    @classmethod
    def from_rasa(cls, item: dict[str, Any]) -> BotReply:
        """Build from one element of Rasa's REST channel answer."""
        buttons = tuple(
            Button(title=str(b.get("title", "")), payload=str(b.get("payload", "")))
            for b in item.get("buttons") or ()
        )
        custom = item.get("custom")
        return cls(
            text=str(item.get("text") or ""),
            buttons=buttons,
            custom=custom if isinstance(custom, dict) else None,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form used by the web chat and the outbox."""
        return {
            "text": self.text,
            "buttons": [{"title": b.title, "payload": b.payload} for b in self.buttons],
        }


@dataclass(frozen=True)
class Inbound:
    """A message from a young person, as the channel received it.

    `text` is what goes to Rasa (typed text, or a button payload such as `/affirm`);
    `address` is where to write back later (a Telegram chat id), sealed before storage.
    """

    channel: str
    external_id: str
    text: str
    address: str | None = None
    is_payload: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)
