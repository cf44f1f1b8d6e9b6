"""Survey campaigns: audience, resumable at-most-once sending, Telegram limits, reminders, CLI."""

from __future__ import annotations

import argparse
import asyncio
import io
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from telegram import Bot
from telegram.request import RequestData

from bot.telegram.keyboards import resolve_key
from relais.campaigns import add_campaign_parser, texts
from relais.campaigns.audience import AudienceFilter, due_for_reminder, invitees
from relais.campaigns.cli import Env, list_command, remind, send
from relais.campaigns.sender import CampaignSender, Progress, RateLimiter
from store import campaigns as store
from store.db import session_scope
from store.identity import seal
from store.models import (
    Campaign,
    CampaignMessage,
    Consent,
    Direction,
    Message,
    SendStatus,
    SurveySession,
    SurveyStatus,
    YoungPerson,
    utcnow,
)
from tests.fake_telegram import FakeTelegram

KEY = "campaign-test-key"
Q = "etude-jeunes"
RETRY_429 = {
    "ok": False,
    "error_code": 429,
    "description": "Too Many Requests: retry after 1",
    "parameters": {"retry_after": 1},
}
BLOCKED_403 = {
    "ok": False,
    "error_code": 403,
    "description": "Forbidden: bot was blocked by the user",
}
NOT_FOUND_400 = {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}


# --- helpers ------------------------------------------------------------------------------------


class FakeClock:
    """Injected monotonic clock and sleep: time only moves when someone sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class Crash(BaseException):
    """The process dies (not an Exception: python-telegram-bot does not wrap it)."""


class TimedTelegram(FakeTelegram):
    """The fake Bot API, noting when each message was sent and able to crash after N."""

    def __init__(self, clock: FakeClock, crash_after: int | None = None) -> None:
        super().__init__()
        self.clock = clock
        self.crash_after = crash_after
        self.sent_at: list[tuple[int, float]] = []

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
        answer = await super().do_request(url, method, request_data)
        if url.endswith("/sendMessage") and answer[0] == 200 and request_data:
            self.sent_at.append((int(str(request_data.parameters["chat_id"])), self.clock.now))
            if self.crash_after is not None and len(self.sent_at) > self.crash_after:
                raise Crash  # Telegram delivered it, we die before marking it sent
        return answer


def make_env(url: str, fake: FakeTelegram, clock: FakeClock) -> Env:
    def bot() -> Bot:
        return Bot("123:ABC", request=fake, get_updates_request=fake)

    return Env(url, KEY, bot, clock.sleep, clock.monotonic, out=io.StringIO(), err=io.StringIO())


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="relais")
    add_campaign_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["campaign", *argv])


def add_person(
    url: str,
    n: int,
    *,
    channel: str = "telegram",
    consent: Consent = Consent.GIVEN,
    opted_out: bool = False,
    synthetic: bool = False,
    ml: str | None = "95001",
    address: bool = True,
    survey: SurveyStatus | None = None,
    profile: str | None = None,
    idle_hours: float = 0,
    reminded: bool = False,
) -> int:
    """A young person whose Telegram chat id is `n`; returns their id."""
    with session_scope(url) as session:
        person = YoungPerson(
            pseudonym=f"p-{n}",
            channel=channel,
            address_enc=seal(str(n), KEY) if address else None,
            consent=consent,
            opted_out=opted_out,
            synthetic=synthetic,
            ml_code=ml,
        )
        session.add(person)
        session.flush()
        if survey is not None:
            session.add(
                SurveySession(
                    young_person_id=person.id,
                    questionnaire_id=Q,
                    questionnaire_version=1,
                    status=survey,
                    profile=profile,
                    updated_at=utcnow() - timedelta(hours=idle_hours),
                    reminder_sent_at=utcnow() if reminded else None,
                )
            )
        return person.id


def rows(url: str, campaign_id: int | None = None) -> dict[int, CampaignMessage]:
    """Campaign messages by young person id."""
    with session_scope(url) as session:
        query = select(CampaignMessage)
        if campaign_id is not None:
            query = query.where(CampaignMessage.campaign_id == campaign_id)
        return {r.young_person_id: r for r in session.scalars(query)}


def count(url: str, model: Any) -> int:
    with session_scope(url) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def out_texts(url: str) -> list[str]:
    with session_scope(url) as session:
        query = select(Message.text).where(Message.direction == Direction.OUT)
        return [text or "" for text in session.scalars(query)]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


# --- audience -----------------------------------------------------------------------------------


def test_audience_rules(db_url: str) -> None:
    url = db_url
    fresh = add_person(url, 1)
    add_person(url, 2, consent=Consent.PENDING)
    add_person(url, 3, consent=Consent.REFUSED)
    add_person(url, 4, opted_out=True)
    synthetic = add_person(url, 5, synthetic=True)
    web = add_person(url, 6, channel="web", address=False)
    no_address = add_person(url, 7, address=False)
    other_ml = add_person(url, 8, ml="75001")
    add_person(url, 9, survey=SurveyStatus.COMPLETED, profile="dropped_out")
    add_person(url, 10, survey=SurveyStatus.DECLINED)
    paused = add_person(url, 11, survey=SurveyStatus.PAUSED, profile="dropped_out")
    started = add_person(url, 12, survey=SurveyStatus.IN_PROGRESS, profile="no_follow_up")

    def ids(**filters: Any) -> set[int]:
        with session_scope(url) as session:
            audience = invitees(session, AudienceFilter(Q, **filters))
        return {c.person_id for c in audience.candidates}

    everyone = {fresh, web, no_address, other_ml, paused, started}
    assert ids() == everyone
    assert ids(include_synthetic=True) == everyone | {synthetic}
    assert ids(ml_code="95001") == everyone - {other_ml}
    assert ids(profile="dropped_out") == {paused}  # no session, no profile; completed never
    with session_scope(url) as session:
        audience = invitees(session, AudienceFilter(Q))
    assert audience.size == 6 and audience.not_reachable == 2
    assert audience.by_channel() == {"telegram": 5, "web": 1}
    assert audience.by_ml() == {"95001": 5, "75001": 1}
    assert audience.by_survey() == {"not started": 4, "started": 2}


async def test_dry_run_sends_and_records_nothing(sqlite_url: str, clock: FakeClock) -> None:
    add_person(sqlite_url, 1)
    add_person(sqlite_url, 2, ml="75001")
    add_person(sqlite_url, 3, channel="web", address=False)
    fake = FakeTelegram()
    env = make_env(sqlite_url, fake, clock)
    env.bot_factory = lambda: pytest.fail("a dry run builds no bot")

    assert await send(parse("send", "--questionnaire", Q, "--dry-run"), env) == 0

    printed = env.out.getvalue()  # type: ignore[attr-defined]
    assert "audience: 3 (reachable on Telegram: 2, not reachable: 1)" in printed
    assert "95001" in printed and "75001" in printed and "web" in printed
    assert fake.calls == []
    assert count(sqlite_url, Campaign) == count(sqlite_url, CampaignMessage) == 0
    assert count(sqlite_url, Message) == 0


# --- sending ------------------------------------------------------------------------------------


async def test_full_send_records_each_message_once(sqlite_url: str, clock: FakeClock) -> None:
    url = sqlite_url
    new = [add_person(url, n) for n in (1, 2, 3)]
    paused = add_person(url, 4, survey=SurveyStatus.PAUSED)
    web = add_person(url, 5, channel="web", address=False)
    fake = TimedTelegram(clock)
    env = make_env(url, fake, clock)

    assert await send(parse("send", "--questionnaire", Q), env) == 0

    for chat in (1, 2, 3):
        assert fake.texts(chat) == [texts.INVITE]
    assert fake.texts(4) == [texts.RESUME]
    by_person = rows(url)
    assert {by_person[p].status for p in [*new, paused]} == {SendStatus.SENT}
    assert all(by_person[p].attempts == 1 and by_person[p].sent_at for p in [*new, paused])
    assert (by_person[web].status, by_person[web].error) == (SendStatus.SKIPPED, "unreachable")
    assert sorted(out_texts(url)) == sorted([texts.INVITE] * 3 + [texts.RESUME])
    sent = fake.called("sendMessage")[0]
    keys = [b["callback_data"] for row in sent["reply_markup"]["inline_keyboard"] for b in row]
    titles = [b["text"] for row in sent["reply_markup"]["inline_keyboard"] for b in row]
    assert titles == ["✅ Je participe", "Plus tard", "🔕 Ne plus m'écrire"]
    payloads = [resolve_key(k, url) for k in keys]
    assert payloads == ["/start_survey", '/deny{"topic":"survey"}', "/opt_out"]
    summary = env.out.getvalue()  # type: ignore[attr-defined]
    assert "audience       5" in summary and "sent           4" in summary
    assert "not reachable  1" in summary and "failed         0" in summary
    assert "elapsed" in summary and "rate" in summary
    assert "] 4/4 (" in env.err.getvalue()  # type: ignore[attr-defined]
    with session_scope(url) as session:
        campaign = session.scalars(select(Campaign)).one()
        assert campaign.finished_at is not None

    # the finished campaign is not sent again when resumed
    calls = len(fake.called("sendMessage"))
    assert await send(parse("send", "--questionnaire", Q, "--resume", str(campaign.id)), env) == 0
    assert len(fake.called("sendMessage")) == calls


async def test_interrupted_campaign_resumes_without_sending_twice(
    db_url: str, clock: FakeClock
) -> None:
    url = db_url
    people = [add_person(url, n) for n in range(1, 7)]
    crashing = TimedTelegram(clock, crash_after=2)  # the 3rd message is delivered, then we die
    with pytest.raises(Crash):
        await send(parse("send", "--questionnaire", Q), make_env(url, crashing, clock))
    states = rows(url)
    assert [states[p].status for p in people[:2]] == [SendStatus.SENT] * 2
    assert (states[people[2]].status, states[people[2]].error) == (SendStatus.PENDING, "sending")
    assert all(states[p].status is SendStatus.PENDING and not states[p].error for p in people[3:])

    # the same command again continues the unfinished campaign (no new campaign)
    fake = TimedTelegram(clock)
    env = make_env(url, fake, clock)
    assert await send(parse("send", "--questionnaire", Q), env) == 0
    assert count(url, Campaign) == 1
    assert [chat for chat, _ in fake.sent_at] == [4, 5, 6]  # only the rest; not chat 3 again
    states = rows(url)
    assert (states[people[2]].status, states[people[2]].error) == (SendStatus.FAILED, "uncertain")
    assert [states[p].status for p in people[3:]] == [SendStatus.SENT] * 3
    delivered = [c for c, _ in crashing.sent_at] + [c for c, _ in fake.sent_at]
    assert sorted(delivered) == [1, 2, 3, 4, 5, 6]  # everybody exactly once
    assert "left uncertain by a crash 1" in env.out.getvalue()  # type: ignore[attr-defined]

    # an explicit --resume now has nothing left: the uncertain one is never resent by default
    campaign_id = states[people[0]].campaign_id
    assert await send(parse("send", "--questionnaire", Q, "--resume", str(campaign_id)), env) == 0
    assert [chat for chat, _ in fake.sent_at] == [4, 5, 6]


async def test_opt_out_between_creation_and_sending_is_skipped(
    sqlite_url: str, clock: FakeClock
) -> None:
    url = sqlite_url
    stays, leaves = add_person(url, 1), add_person(url, 2)
    with session_scope(url) as session:
        audience = invitees(session, AudienceFilter(Q))
        campaign_id = store.create_campaign(session, Q, store.INVITE, list(audience.candidates)).id
    with session_scope(url) as session:
        person = session.get(YoungPerson, leaves)
        assert person is not None
        person.opted_out = True

    fake = FakeTelegram()
    env = make_env(url, fake, clock)
    assert await send(parse("send", "--questionnaire", Q, "--resume", str(campaign_id)), env) == 0

    assert fake.texts(1) == [texts.INVITE] and fake.texts(2) == []
    states = rows(url)
    assert states[stays].status is SendStatus.SENT
    assert (states[leaves].status, states[leaves].error) == (SendStatus.SKIPPED, "opted_out")
    assert "skipped        1  (opted_out 1)" in env.out.getvalue()  # type: ignore[attr-defined]


async def test_retry_after_is_honoured(sqlite_url: str, clock: FakeClock) -> None:
    person = add_person(sqlite_url, 1)
    fake = TimedTelegram(clock)
    fake.fail_next("sendMessage", 429, RETRY_429)
    env = make_env(sqlite_url, fake, clock)

    assert await send(parse("send", "--questionnaire", Q), env) == 0

    assert 1.0 in clock.sleeps
    assert [chat for chat, _ in fake.sent_at] == [1]  # sent once…
    assert fake.sent_at[0][1] == pytest.approx(1.0)  # …after the wait
    assert len(fake.called("sendMessage")) == 2  # the refused call, then the accepted one
    row = rows(sqlite_url)[person]
    assert (row.status, row.attempts) == (SendStatus.SENT, 2)
    assert out_texts(sqlite_url) == [texts.INVITE]
    summary = env.out.getvalue()  # type: ignore[attr-defined]
    assert "sent           1" in summary and "retry-after 1" in summary


async def test_blocked_fails_and_opts_out_other_errors_are_retried(
    sqlite_url: str, clock: FakeClock
) -> None:
    url = sqlite_url
    blocker, lost = add_person(url, 1), add_person(url, 2)
    fake = FakeTelegram()
    fake.fail_next("sendMessage", 403, BLOCKED_403)
    fake.fail_next("sendMessage", 400, NOT_FOUND_400)
    env = make_env(url, fake, clock)

    assert await send(parse("send", "--questionnaire", Q), env) == 0

    states = rows(url)
    assert (states[blocker].status, states[blocker].error) == (SendStatus.FAILED, "blocked")
    assert (states[lost].status, states[lost].error) == (SendStatus.FAILED, "BadRequest")
    with session_scope(url) as session:
        person = session.get(YoungPerson, blocker)
        assert person is not None and person.opted_out and person.opted_out_at
    assert out_texts(url) == []
    summary = env.out.getvalue()  # type: ignore[attr-defined]
    assert "failed         2  (BadRequest 1, blocked 1)" in summary

    campaign_id = states[blocker].campaign_id
    assert await send(parse("send", "--questionnaire", Q, "--resume", str(campaign_id)), env) == 0
    assert fake.texts(1) == [texts.INVITE]  # only the refused call: never retried
    assert fake.texts(2) == [texts.INVITE, texts.INVITE]  # refused, then retried and sent
    states = rows(url)
    assert states[lost].status is SendStatus.SENT and states[lost].attempts == 2
    assert states[blocker].status is SendStatus.FAILED


class YieldingTelegram(FakeTelegram):
    """Lets other tasks run during each call, as a real network round trip would."""

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
        await asyncio.sleep(0)
        return await super().do_request(url, method, request_data)


async def test_two_runs_at_once_never_send_twice(db_url: str, clock: FakeClock) -> None:
    for n in range(1, 9):
        add_person(db_url, n)
    with session_scope(db_url) as session:
        audience = invitees(session, AudienceFilter(Q))
        campaign_id = store.create_campaign(session, Q, store.INVITE, list(audience.candidates)).id
    fake = YieldingTelegram()

    def sender() -> CampaignSender:
        bot = Bot("123:ABC", request=fake, get_updates_request=fake)
        limiter = RateLimiter(25, sleep=clock.sleep, monotonic=clock.monotonic)
        return CampaignSender(bot, db_url, KEY, limiter, progress_stream=io.StringIO())

    first, second = await asyncio.gather(sender().run(campaign_id), sender().run(campaign_id))

    chats = sorted(int(p["chat_id"]) for p in fake.called("sendMessage"))
    assert chats == list(range(1, 9))
    assert first.sent > 0 and second.sent > 0 and first.sent + second.sent == 8
    assert {r.status for r in rows(db_url).values()} == {SendStatus.SENT}


# --- Telegram limits ----------------------------------------------------------------------------


async def test_rate_limiter_keeps_both_limits(clock: FakeClock) -> None:
    limiter = RateLimiter(25, sleep=clock.sleep, monotonic=clock.monotonic)
    times = []
    for chat in range(100):
        await limiter.acquire(chat)
        times.append(clock.now)
    assert all(times[i + 25] - times[i] >= 1.0 for i in range(len(times) - 25))
    assert times[-1] == pytest.approx(3.0)  # not slower than needed: 100 at 25/s

    await limiter.acquire("same")
    first = clock.now
    await limiter.acquire("same")
    assert clock.now - first >= 1.0

    slow = RateLimiter(0.5, sleep=clock.sleep, monotonic=clock.monotonic)
    start = clock.now
    await slow.acquire(1)
    await slow.acquire(2)
    assert clock.now - start == pytest.approx(2.0)


async def test_a_campaign_respects_the_rate(sqlite_url: str, clock: FakeClock) -> None:
    for n in range(1, 41):
        add_person(sqlite_url, n)
    fake = TimedTelegram(clock)
    env = make_env(sqlite_url, fake, clock)
    assert await send(parse("send", "--questionnaire", Q, "--rate", "10"), env) == 0
    times = [t for _, t in fake.sent_at]
    assert len(times) == 40
    assert all(times[i + 10] - times[i] >= 1.0 for i in range(len(times) - 10))


def test_cli_default_rate_is_the_sender_default() -> None:
    from relais.campaigns import cli, sender

    assert cli.DEFAULT_RATE == sender.DEFAULT_RATE
    assert parse("send", "--questionnaire", Q).rate == sender.DEFAULT_RATE


def test_progress_bar() -> None:
    stream, now = io.StringIO(), [0.0]
    bar = Progress(500, stream, lambda: now[0])
    bar.done, now[0] = 119, 5.0
    bar.advance()
    assert stream.getvalue() == "\r[####----------------] 120/500 (24.0/s)"


# --- reminders ----------------------------------------------------------------------------------


async def test_reminders_once_after_the_delay(db_url: str, clock: FakeClock) -> None:
    url = db_url
    due = add_person(url, 1, survey=SurveyStatus.IN_PROGRESS, idle_hours=80)
    due_paused = add_person(url, 2, survey=SurveyStatus.PAUSED, idle_hours=100)
    recent = add_person(url, 3, survey=SurveyStatus.IN_PROGRESS, idle_hours=10)
    add_person(url, 4, survey=SurveyStatus.COMPLETED, idle_hours=100)
    add_person(url, 5, survey=SurveyStatus.PAUSED, idle_hours=100, opted_out=True)
    add_person(url, 6, survey=SurveyStatus.PAUSED, idle_hours=100, reminded=True)
    add_person(url, 7, survey=SurveyStatus.PAUSED, idle_hours=100, channel="web", address=False)
    add_person(url, 8)  # never started: an invitation, not a reminder

    with session_scope(url) as session:
        audience = due_for_reminder(session, Q, timedelta(hours=72))
    assert {c.person_id for c in audience.reachable} == {due, due_paused}
    assert audience.not_reachable == 1

    fake = FakeTelegram()
    env = make_env(url, fake, clock)
    assert await remind(parse("remind", "--questionnaire", Q), env) == 0

    assert fake.texts(1) == fake.texts(2) == [texts.REMINDER]
    assert len(fake.called("sendMessage")) == 2
    states = rows(url)
    assert set(states) == {due, due_paused}
    assert {r.kind for r in states.values()} == {"reminder"}
    with session_scope(url) as session:
        reminded = session.scalars(
            select(SurveySession.young_person_id).where(SurveySession.reminder_sent_at.is_not(None))
        )
        assert set(reminded) == {due, due_paused, 6}
    assert "not reachable  1" in env.out.getvalue()  # type: ignore[attr-defined]
    assert sorted(out_texts(url)) == [texts.REMINDER] * 2

    # a second run sends nothing to the same people; a lower delay reaches the recent one only
    assert await remind(parse("remind", "--questionnaire", Q), env) == 0
    assert len(fake.called("sendMessage")) == 2
    assert await remind(parse("remind", "--questionnaire", Q, "--after", "1"), env) == 0
    assert fake.texts(3) == [texts.REMINDER] and len(fake.called("sendMessage")) == 3
    assert rows(url)[recent].kind == "reminder"
    assert count(url, Campaign) == 2  # one per run that had someone to remind


async def test_reminder_dry_run(sqlite_url: str, clock: FakeClock) -> None:
    add_person(sqlite_url, 1, survey=SurveyStatus.PAUSED, idle_hours=100)
    fake = FakeTelegram()
    env = make_env(sqlite_url, fake, clock)
    assert await remind(parse("remind", "--questionnaire", Q, "--dry-run"), env) == 0
    assert "audience: 1" in env.out.getvalue()  # type: ignore[attr-defined]
    assert fake.calls == [] and count(sqlite_url, Campaign) == 0


# --- command line -------------------------------------------------------------------------------


def test_command_line_end_to_end(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from relais.campaigns import cli
    from relais.config import settings

    add_person(sqlite_url, 1)
    add_person(sqlite_url, 2, survey=SurveyStatus.PAUSED, idle_hours=100)
    fake = FakeTelegram()
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    monkeypatch.setenv("RELAIS_SECRET_KEY", KEY)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:ABC")
    monkeypatch.setattr(cli, "make_bot", lambda token: Bot(token, request=fake))
    settings.cache_clear()
    try:
        args = parse("send", "--questionnaire", Q, "--ml", "95001", "--rate", "25")
        assert (args.questionnaire, args.ml, args.rate, args.dry_run) == (Q, "95001", 25.0, False)
        assert args.func(args) == 0
        assert fake.texts(1) == [texts.INVITE] and fake.texts(2) == [texts.RESUME]
        assert "sent           2" in capsys.readouterr().out

        remind_args = parse("remind", "--questionnaire", Q, "--after", "72")
        assert remind_args.func(remind_args) == 0
        assert fake.texts(2) == [texts.RESUME, texts.REMINDER]

        list_args = parse("list")
        assert list_args.func(list_args) == 0
        listing = capsys.readouterr().out
        assert "invite" in listing and "reminder" in listing

        unknown = parse("send", "--questionnaire", "nope")
        assert unknown.func(unknown) == 2
        assert "unknown questionnaire" in capsys.readouterr().err
        bad_profile = parse("send", "--questionnaire", Q, "--profile", "astronaut")
        assert bad_profile.func(bad_profile) == 2
        with pytest.raises(SystemExit):
            parse("send", "--questionnaire", Q, "--rate", "100")
    finally:
        settings.cache_clear()


async def test_list_shows_counts(sqlite_url: str, clock: FakeClock) -> None:
    add_person(sqlite_url, 1)
    add_person(sqlite_url, 2, channel="web", address=False)
    fake = FakeTelegram()
    env = make_env(sqlite_url, fake, clock)
    await send(parse("send", "--questionnaire", Q), env)
    env.out = io.StringIO()
    assert list_command(parse("list"), env) == 0
    line = env.out.getvalue().splitlines()[1]
    assert line.split()[:2] == ["1", "invite"] and line.endswith("yes")


async def test_erasure_removes_campaign_rows(sqlite_url: str, clock: FakeClock) -> None:
    from store.erasure import erase_person

    person = add_person(sqlite_url, 1)
    await send(parse("send", "--questionnaire", Q), make_env(sqlite_url, FakeTelegram(), clock))
    assert person in rows(sqlite_url)
    with session_scope(sqlite_url) as session:
        erase_person(session, "p-1")
    assert rows(sqlite_url) == {}
