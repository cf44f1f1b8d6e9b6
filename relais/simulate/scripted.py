"""Scripted conversations: what a young person types or presses, and what the bot must do.

A file (YAML) holds ``conversations``, each a list of turns ``{say: text}`` or ``{press: part of a
button label}`` with an optional ``expect`` mapping (keys in ``EXPECT_KEYS``). The files in
``tests/conversations`` were written by people who never saw the bot's code or texts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from relais.knowledge import NEED_CODES

# Expectations with a yes/no value.
FLAG_KEYS = frozenset(
    {
        "no_crisis", "asks_where", "choose_commune", "outside_idf", "privacy_notice",
        "not_understood", "menu", "asks_consent_to_share", "handoff_recorded", "stopped", "erased",
    }
)  # fmt: skip
EXPECT_KEYS = FLAG_KEYS | {"crisis", "answer", "mission_locale_for", "reply_contains"}
CRISIS_NUMBERS = frozenset({"3114", "115", "119", "3919", "17", "112", "15", "114"})


class ScriptError(ValueError):
    """A conversation file that does not follow the format."""


@dataclass(frozen=True)
class ScriptedTurn:
    """One move of the young person and what the bot must do in reply."""

    text: str
    press: bool = False
    expect: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Conversation:
    """A whole scripted conversation."""

    source: str
    id: str
    who: str
    turns: tuple[ScriptedTurn, ...]

    @property
    def key(self) -> str:
        """Unique name across files: ``file:id``."""
        return f"{self.source}:{self.id}"


def _expectations(raw: Any, where: str) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise ScriptError(f"{where}: expect must be a mapping")
    unknown = set(raw) - EXPECT_KEYS
    if unknown:
        raise ScriptError(f"{where}: unknown expectation(s) {sorted(unknown)}")
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key in FLAG_KEYS:
            if not isinstance(value, bool):
                raise ScriptError(f"{where}: {key} must be true or false")
            if value:
                out[key] = True
        elif key == "crisis":
            numbers = [str(v) for v in (value if isinstance(value, list) else [value])]
            bad = [n for n in numbers if n not in CRISIS_NUMBERS]
            if bad or not numbers:
                raise ScriptError(f"{where}: crisis numbers must be among {sorted(CRISIS_NUMBERS)}")
            out[key] = tuple(numbers)
        elif key == "answer":
            if value not in NEED_CODES:
                raise ScriptError(f"{where}: answer must be one of {', '.join(NEED_CODES)}")
            out[key] = str(value)
        else:
            if not isinstance(value, str) or not value.strip():
                raise ScriptError(f"{where}: {key} must be a non-empty text")
            out[key] = value.strip()
    return out


def _turn(raw: Any, where: str) -> ScriptedTurn:
    if not isinstance(raw, Mapping):
        raise ScriptError(f"{where}: a turn must be a mapping")
    moves = [k for k in ("say", "press") if k in raw]
    if len(moves) != 1:
        raise ScriptError(f"{where}: a turn needs exactly one of say / press")
    text = raw[moves[0]]
    if not isinstance(text, str | int) or not str(text).strip():
        raise ScriptError(f"{where}: {moves[0]} must be a non-empty text")
    extra = set(raw) - {"say", "press", "expect"}
    if extra:
        raise ScriptError(f"{where}: unknown key(s) {sorted(extra)}")
    return ScriptedTurn(str(text), moves[0] == "press", _expectations(raw.get("expect"), where))


def parse_conversations(data: Any, source: str) -> list[Conversation]:
    """Validate one file's content; raise ScriptError naming the first problem."""
    items = data.get("conversations") if isinstance(data, Mapping) else None
    if not isinstance(items, list) or not items:
        raise ScriptError(f"{source}: expected a non-empty 'conversations' list")
    out: list[Conversation] = []
    seen: set[str] = set()
    for i, item in enumerate(items, 1):
        if not isinstance(item, Mapping):
            raise ScriptError(f"{source}, conversation {i}: must be a mapping")
        cid = str(item.get("id") or f"#{i}")
        where = f"{source}:{cid}"
        if cid in seen:
            raise ScriptError(f"{where}: duplicate id")
        seen.add(cid)
        turns = item.get("turns")
        if not isinstance(turns, list) or not turns:
            raise ScriptError(f"{where}: no turns")
        parsed = tuple(_turn(t, f"{where}, turn {n}") for n, t in enumerate(turns, 1))
        out.append(Conversation(source, cid, str(item.get("who") or ""), parsed))
    return out


def load_conversations(paths: Iterable[Path]) -> list[Conversation]:
    """All conversations of the given files, in order."""
    out: list[Conversation] = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            out.extend(parse_conversations(yaml.safe_load(handle), path.stem))
    return out
