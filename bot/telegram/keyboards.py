"""Rasa buttons ↔ Telegram inline keyboards, with short callback keys that survive a restart."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from relais.messages import Button
from store.button_keys import payload_for, remember_payloads
from store.db import session_scope

KEY_PREFIX = "b:"
SHORT_TITLE = 18
"""Titles up to this many characters go two per row; longer ones get a row each."""


def callback_key(payload: str) -> str:
    """A short, stable key for a payload: "b:" + 16 hex digits of its SHA-256 (18 bytes)."""
    return KEY_PREFIX + hashlib.sha256(payload.encode()).hexdigest()[:16]


def layout(buttons: Sequence[Button]) -> InlineKeyboardMarkup:
    """The inline keyboard for `buttons`: two per row when every title is short, else one."""
    per_row = 2 if all(len(b.title) <= SHORT_TITLE for b in buttons) else 1
    cells = [InlineKeyboardButton(b.title, callback_data=callback_key(b.payload)) for b in buttons]
    return InlineKeyboardMarkup([cells[i : i + per_row] for i in range(0, len(cells), per_row)])


def keyboard_for(buttons: Sequence[Button], database_url: str) -> InlineKeyboardMarkup | None:
    """Store the payloads of `buttons` under their keys and return their keyboard (None if none)."""
    if not buttons:
        return None
    with session_scope(database_url) as session:
        remember_payloads(session, {callback_key(b.payload): b.payload for b in buttons})
    return layout(buttons)


def resolve_key(key: str, database_url: str) -> str | None:
    """The payload behind a pressed button's key; None when unknown or not one of ours."""
    if not key.startswith(KEY_PREFIX):
        return None
    with session_scope(database_url) as session:
        return payload_for(session, key)
