"""Slash commands and typed shortcuts mapped to Rasa intents, the same on every channel."""

from __future__ import annotations

COMMANDS: dict[str, str] = {
    "/start": "/greet",
    "/aide": "/show_menu",
    "/menu": "/show_menu",
    "/help": "/show_menu",
    "/stop": "/opt_out",
    "/supprimer": "/delete_data",
    "/avis": "/give_feedback",
    "/humain": "/request_human",
    "/conseiller": "/request_human",
}

MAX_TEXT = 1000  # Rasa gets at most this much of a message; longer ones are cut, not refused.


def to_rasa_text(text: str, is_payload: bool = False) -> str:
    """What to send Rasa for a typed message or a button payload.

    Typed text starting with "/" never reaches Rasa as a raw intent: known commands map to
    intents, anything else loses its slash and goes through NLU like any sentence.
    """
    text = text.strip()
    if is_payload:
        return text
    if text.startswith("/"):
        command = text.split()[0].split("@")[0].lower()
        if command in COMMANDS:
            return COMMANDS[command]
        text = text.lstrip("/").strip()
    return text[:MAX_TEXT]
