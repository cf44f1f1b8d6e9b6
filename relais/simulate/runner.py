"""Drive simulated young people through the web chat API, to the real Rasa and action servers."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

import httpx

from relais.simulate.personas import Persona, answer, make_persona, styled
from relais.survey import Questionnaire, load_questionnaire
from store.db import session_scope
from store.identity import pseudonymize
from store.people import touch_person

T = TypeVar("T")
MAX_TURNS = 40
OUTRO_MARK = "Merci beaucoup"


@dataclass
class Outcome:
    """What happened to one simulated young person."""

    persona: Persona
    turns: int = 0
    answered: int = 0
    completed: bool = False
    paused: bool = False
    declined: bool = False
    errors: list[str] = field(default_factory=list)


@dataclass
class Simulation:
    """Everything a run produced, for the report."""

    outcomes: list[Outcome]
    elapsed_s: float

    @property
    def turns(self) -> int:
        """Messages sent in total."""
        return sum(o.turns for o in self.outcomes)


class Chat:
    """One web-chat session of a simulated young person."""

    def __init__(self, client: httpx.AsyncClient, session: str, outcome: Outcome) -> None:
        self.client = client
        self.session = session
        self.outcome = outcome
        self.last: list[dict[str, Any]] = []

    async def send(self, text: str, payload: bool = False) -> list[dict[str, Any]]:
        """Send a typed message or a button payload; keep the replies."""
        self.outcome.turns += 1
        body = {"session": self.session, "payload" if payload else "text": text}
        response = await self.client.post("/api/chat", json=body)
        if response.status_code != 200:
            self.outcome.errors.append(f"HTTP {response.status_code}")
            self.last = []
            return []
        self.last = list(response.json().get("replies") or [])
        return self.last

    def text(self) -> str:
        """The last replies' text."""
        return "\n".join(str(r.get("text") or "") for r in self.last)

    def payloads(self) -> list[str]:
        """The last replies' button payloads."""
        return [str(b["payload"]) for r in self.last for b in r.get("buttons") or []]


def _current_question(questionnaire: Questionnaire, text: str) -> tuple[str | None, bool]:
    """Which question the bot just asked (and whether it is a follow-up)."""
    for question in questionnaire.questions:
        if question.followup and question.followup in text:
            return question.id, True
    for question in questionnaire.questions:
        if question.text in text:
            return question.id, False
    return None, False


async def run_one(
    client: httpx.AsyncClient,
    session: str,
    persona: Persona,
    seed: int,
    questionnaire: Questionnaire,
) -> Outcome:
    """One young person's whole conversation."""
    rng = random.Random(seed)
    outcome = Outcome(persona)
    chat = Chat(client, session, outcome)
    if persona.asks_help_first:
        await chat.send(styled(persona.need.format(c=persona.commune), persona.register, rng))
        privacy = [p for p in chat.payloads() if "privacy" in p]
        if privacy:
            await chat.send(privacy[0] if persona.accepts_privacy else privacy[-1], payload=True)
    await chat.send(rng.choice(("/avis", "je veux donner mon avis")))
    if persona.declines_survey:
        await chat.send('/deny{"topic":"survey"}', payload=True)
        outcome.declined = True
        return outcome
    await chat.send("/start_survey", payload=True)
    while outcome.turns < MAX_TURNS:
        if OUTRO_MARK in chat.text():
            outcome.completed = True
            break
        question_id, followup = _current_question(questionnaire, chat.text())
        if question_id is None:
            outcome.errors.append("no question recognised")
            break
        if persona.drops_after is not None and outcome.answered >= persona.drops_after:
            if persona.drops_with_stop:
                await chat.send("stop")
                outcome.paused = True
            break
        await chat.send(answer(persona, question_id, rng, followup))
        outcome.answered += 0 if followup else 1
    return outcome


@asynccontextmanager
async def web_chat_client(app: Any, timeout_s: float = 120) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to the web chat ``app`` in-process (no port)."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://relais", timeout=timeout_s
    ) as client:
        yield client


async def bounded_gather(jobs: Sequence[Callable[[], Awaitable[T]]], concurrency: int) -> list[T]:
    """Run the jobs, ``concurrency`` at a time; results in the jobs' order."""
    gate = asyncio.Semaphore(concurrency)

    async def one(job: Callable[[], Awaitable[T]]) -> T:
        async with gate:
            return await job()

    return list(await asyncio.gather(*(one(job) for job in jobs)))


def mark_synthetic(database_url: str, secret_key: str, sessions: list[str]) -> None:
    """Flag the simulated young people before they speak: real analyses exclude them."""
    with session_scope(database_url) as db:
        for session in sessions:
            person = touch_person(db, pseudonymize("web", session, secret_key), "web")
            person.synthetic = True


async def simulate(
    app: Any,
    database_url: str,
    secret_key: str,
    n: int,
    seed: int,
    concurrency: int = 8,
    progress: Any = None,
) -> Simulation:
    """Run `n` simulated young people, `concurrency` at a time, through the web chat `app`."""
    rng = random.Random(seed)
    personas = [make_persona(rng) for _ in range(n)]
    sessions = [f"sim-{seed}-{i:05d}" for i in range(n)]
    mark_synthetic(database_url, secret_key, sessions)
    questionnaire = load_questionnaire("etude-jeunes")
    outcomes: list[Outcome] = []
    started = time.monotonic()
    async with web_chat_client(app) as client:

        async def one(i: int) -> None:
            outcome = await run_one(
                client, sessions[i], personas[i], seed * 100003 + i, questionnaire
            )
            outcomes.append(outcome)
            if progress is not None:
                progress(len(outcomes), n)

        await bounded_gather([partial(one, i) for i in range(n)], concurrency)
    return Simulation(outcomes, time.monotonic() - started)
