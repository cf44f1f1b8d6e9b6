"""Replay scripted conversations through the web chat API, to the real Rasa and action servers."""

from __future__ import annotations

import asyncio
import re
import time
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import httpx
from sqlalchemy import func, select

from relais.simulate.expectations import Bubble, Facts, evaluate, next_step_offered
from relais.simulate.runner import bounded_gather, mark_synthetic, web_chat_client
from relais.simulate.scripted import Conversation, ScriptedTurn
from store.db import session_scope
from store.identity import pseudonymize
from store.models import HandoffRequest
from store.people import find_person

_DB_KEYS = frozenset({"handoff_recorded", "stopped", "erased"})


@dataclass
class TurnResult:
    """What one scripted turn got."""

    turn: ScriptedTurn
    bubbles: list[Bubble] = field(default_factory=list)
    checks: dict[str, str | None] = field(default_factory=dict)  # expectation → None when met
    error: str | None = None  # the web chat did not answer (HTTP status)

    @property
    def failures(self) -> list[str]:
        """What the reply failed to do."""
        return [what for what in self.checks.values() if what]

    @property
    def next_step(self) -> bool:
        """The reply ends with buttons or a question."""
        return next_step_offered(self.bubbles)


@dataclass
class ConversationResult:
    """Every turn of one conversation."""

    conversation: Conversation
    turns: list[TurnResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """All expectations met, no error."""
        return all(not t.failures and t.error is None for t in self.turns)


@dataclass
class Replay:
    """A whole run."""

    results: list[ConversationResult]
    elapsed_s: float


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def find_button(bubbles: Sequence[Bubble], label: str) -> str | None:
    """The payload of the last button whose title contains ``label`` (case and accents ignored)."""
    wanted = _fold(label)
    for bubble in reversed(bubbles):
        for title, payload in bubble.buttons:
            if wanted in _fold(title):
                return payload
    return None


def session_id(run: str, conversation: Conversation) -> str:
    """A web chat session id for one conversation of one run (``[A-Za-z0-9-]``, ≤ 64)."""
    raw = f"rp-{run}-{conversation.source}-{conversation.id}"
    return re.sub(r"[^A-Za-z0-9-]", "-", raw)[:64]


def facts_of(database_url: str, pseudonym: str) -> Facts:
    """What the database holds about one young person."""
    with session_scope(database_url) as db:
        person = find_person(db, pseudonym)
        if person is None:
            return Facts(exists=False, opted_out=False, handoffs=0)
        count = db.scalar(
            select(func.count())
            .select_from(HandoffRequest)
            .where(HandoffRequest.young_person_id == person.id)
        )
        return Facts(exists=True, opted_out=bool(person.opted_out), handoffs=int(count or 0))


async def replay_one(
    client: httpx.AsyncClient,
    conversation: Conversation,
    session: str,
    pseudonym: str,
    database_url: str,
) -> ConversationResult:
    """Play one conversation turn by turn, checking each reply."""
    result = ConversationResult(conversation)
    # Earlier buttons stay pressable, in the web chat as in Telegram: the latest match wins.
    shown: list[Bubble] = []
    for turn in conversation.turns:
        outcome = TurnResult(turn)
        result.turns.append(outcome)
        pressed: dict[str, str | None] = {}
        if turn.press:
            payload = find_button(shown, turn.text)
            if payload is None:  # the writer expected a button the bot did not show
                outcome.checks = {"press": f"no button {turn.text!r}"}
                continue
            pressed = {"press": None}
            body: dict[str, Any] = {"session": session, "payload": payload}
        else:
            body = {"session": session, "text": turn.text}
        response = await client.post("/api/chat", json=body)
        if response.status_code != 200:
            outcome.error = f"HTTP {response.status_code}"
            continue
        replies = response.json().get("replies") or []
        outcome.bubbles = [Bubble.from_dict(r) for r in replies if isinstance(r, Mapping)]
        shown.extend(outcome.bubbles)
        facts = None
        if _DB_KEYS & set(turn.expect):
            facts = await asyncio.to_thread(facts_of, database_url, pseudonym)
        outcome.checks = {**pressed, **evaluate(turn.expect, outcome.bubbles, facts)}
    return result


async def replay(
    app: Any,
    conversations: Sequence[Conversation],
    database_url: str,
    secret_key: str,
    concurrency: int = 4,
    run: str | None = None,
) -> Replay:
    """Replay the conversations, ``concurrency`` at a time, as new (synthetic) young people."""
    run = run or str(int(time.time()))
    sessions = [session_id(run, c) for c in conversations]
    mark_synthetic(database_url, secret_key, sessions)
    started = time.monotonic()
    async with web_chat_client(app) as client:

        async def one(i: int) -> ConversationResult:
            pseudonym = pseudonymize("web", sessions[i], secret_key)
            return await replay_one(client, conversations[i], sessions[i], pseudonym, database_url)

        results = await bounded_gather(
            [partial(one, i) for i in range(len(conversations))], concurrency
        )
    return Replay(list(results), time.monotonic() - started)
