"""Sending a campaign to Telegram: rate-limited, resumable, at most once per person.

At-most-once: before calling Telegram, the row is committed as pending with the marker
"sending" (and `attempts` + 1); right after Telegram accepted the message it is committed as
sent. A crash in between leaves the marker: the next run marks that row failed "uncertain"
instead of sending again (the person may have received it). Network errors and timeouts, where
Telegram may have delivered the message, are failed "uncertain:<Error>" for the same reason;
only `--retry-uncertain` sends those again. Definite refusals (BadRequest…) are retried by a
later run; "blocked" (Forbidden) never is, and the person is opted out. Taking a row is a
compare-and-set (`store.campaigns.claim`), so two runs of one campaign at once split the rows
instead of sending any twice.
"""

from __future__ import annotations

import asyncio
import sys
import time
import warnings
from collections import deque
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from datetime import timedelta
from typing import TextIO

from telegram import Bot, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.telegram.keyboards import keyboard_for
from relais.campaigns import texts
from store import campaigns as store
from store.db import session_scope
from store.identity import unseal
from store.models import (
    Campaign,
    CampaignMessage,
    Consent,
    Direction,
    SendStatus,
    YoungPerson,
    utcnow,
)
from store.records import record_message

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]

DEFAULT_RATE = 25.0
"""Messages per second overall (Telegram tolerates about 30 for bulk sends)."""
PER_CHAT_INTERVAL = 1.0
"""Seconds between two messages to one chat (Telegram: about 1 message/s per chat)."""
MAX_RETRY_AFTER = 5
"""RetryAfter answers tolerated for one message before it is marked failed."""


class RateLimiter:
    """At most `rate` sends per second overall and one per `per_chat` seconds to each chat."""

    def __init__(
        self,
        rate: float = DEFAULT_RATE,
        per_chat: float = PER_CHAT_INTERVAL,
        *,
        sleep: Sleep = asyncio.sleep,
        monotonic: Clock = time.monotonic,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.capacity = max(1, int(rate))
        self.window = self.capacity / rate  # `capacity` sends per `window` seconds
        self.per_chat = per_chat
        self.sleep = sleep
        self.monotonic = monotonic
        self._recent: deque[float] = deque(maxlen=self.capacity)
        self._last_by_chat: dict[Hashable, float] = {}

    def _delay(self, chat: Hashable, now: float) -> float:
        delay = 0.0
        if len(self._recent) == self.capacity:
            delay = self._recent[0] + self.window - now
        last = self._last_by_chat.get(chat)
        if last is not None:
            delay = max(delay, last + self.per_chat - now)
        return delay

    async def acquire(self, chat: Hashable) -> None:
        """Wait until a message to `chat` keeps both limits, then count it as sent now."""
        while (delay := self._delay(chat, self.monotonic())) > 0:
            await self.sleep(delay)
        now = self.monotonic()
        self._recent.append(now)
        self._last_by_chat[chat] = now
        if len(self._last_by_chat) > 10_000:  # forget chats whose interval is long over
            self._last_by_chat = {
                c: t for c, t in self._last_by_chat.items() if now - t < self.per_chat
            }


class Progress:
    """A progress bar on stderr, redrawn in place: `[#####-----] 120/500 (24.0/s)`."""

    def __init__(
        self, total: int, stream: TextIO | None = None, monotonic: Clock = time.monotonic
    ) -> None:
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.monotonic = monotonic
        self.started = monotonic()
        self._drawn = 0

    def render(self, width: int = 20) -> str:
        """The bar as text."""
        filled = width * self.done // self.total if self.total else width
        elapsed = self.monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        return f"[{'#' * filled}{'-' * (width - filled)}] {self.done}/{self.total} ({rate:.1f}/s)"

    def advance(self) -> None:
        """One more message handled."""
        self.done += 1
        line = self.render()
        self.stream.write("\r" + line.ljust(self._drawn))  # cover a longer previous line
        self._drawn = len(line)
        self.stream.flush()

    def close(self) -> None:
        """End the line of the bar."""
        if self.total:
            self.stream.write("\n")
            self.stream.flush()


@dataclass
class RunStats:
    """What one run did (the campaign's totals are in the database)."""

    handled: int = 0
    sent: int = 0
    skipped: int = 0
    failed: int = 0
    retry_after: int = 0
    settled_uncertain: int = 0
    elapsed: float = 0.0

    @property
    def rate(self) -> float:
        """Messages sent per second during the run."""
        return self.sent / self.elapsed if self.elapsed > 0 else 0.0


@dataclass(frozen=True)
class _Prepared:
    chat_id: int
    outreach: texts.Outreach
    attempts: int


def retry_seconds(error: RetryAfter) -> float:
    """The wait Telegram asked for, in seconds (int or timedelta depending on PTB settings)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _failure(error: TelegramError) -> str:
    """The error recorded for a failed send: a class name, never Telegram's description."""
    if isinstance(error, Forbidden):
        return store.BLOCKED
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        return f"{store.UNCERTAIN}:{type(error).__name__}"  # timeout, 5xx: maybe delivered
    return type(error).__name__


class CampaignSender:
    """Sends the pending messages of a campaign through a `telegram.Bot`."""

    def __init__(
        self,
        bot: Bot,
        database_url: str,
        secret_key: str,
        limiter: RateLimiter | None = None,
        *,
        progress_stream: TextIO | None = None,
        max_retry_after: int = MAX_RETRY_AFTER,
    ) -> None:
        self.bot = bot
        self.database_url = database_url
        self.secret_key = secret_key
        self.limiter = limiter or RateLimiter()
        self.progress_stream = progress_stream
        self.max_retry_after = max_retry_after
        self._markups: dict[texts.Outreach, InlineKeyboardMarkup | None] = {}

    async def run(self, campaign_id: int, *, retry_uncertain: bool = False) -> RunStats:
        """Send what is left of the campaign; safe to run again after any interruption."""
        clock = self.limiter.monotonic
        stats = RunStats()
        started = clock()
        with session_scope(self.database_url) as session:
            stats.settled_uncertain = store.settle_interrupted(session, campaign_id)
        with session_scope(self.database_url) as session:
            campaign = session.get(Campaign, campaign_id)
            if campaign is None:
                raise LookupError(f"no campaign {campaign_id}")
            questionnaire_id = campaign.questionnaire_id
            ids = store.to_send(session, campaign_id, retry_uncertain=retry_uncertain)
        if ids:  # button keys stored before any row is marked "sending"
            for outreach in texts.ALL:
                self._markup(outreach)
        progress = Progress(len(ids), self.progress_stream, clock)
        try:
            for message_id in ids:
                outcome = await self._send_one(message_id, questionnaire_id, stats)
                if outcome is not None:
                    stats.handled += 1
                    if outcome is SendStatus.SENT:
                        stats.sent += 1
                    elif outcome is SendStatus.SKIPPED:
                        stats.skipped += 1
                    else:
                        stats.failed += 1
                progress.advance()
        finally:
            progress.close()
            stats.elapsed = clock() - started
        with session_scope(self.database_url) as session:
            store.finish_if_done(session, campaign_id)
        return stats

    def _markup(self, outreach: texts.Outreach) -> InlineKeyboardMarkup | None:
        if outreach not in self._markups:
            self._markups[outreach] = keyboard_for(outreach.buttons, self.database_url)
        return self._markups[outreach]

    def _prepare(self, message_id: int, questionnaire_id: str) -> _Prepared | SendStatus | None:
        """Re-check the recipient and mark the row "sending" (committed before any call)."""
        with session_scope(self.database_url) as session:
            row = session.get(CampaignMessage, message_id)
            if row is None or row.status not in (SendStatus.PENDING, SendStatus.FAILED):
                return None  # erased meanwhile, or sent / skipped by another run
            if row.error == store.SENDING:
                return None  # in flight in another run
            person = session.get(YoungPerson, row.young_person_id)
            if person is None:
                return None
            survey = store.survey_of(session, person.id, questionnaire_id)
            reason: str | None = None
            if person.opted_out:
                reason = store.OPTED_OUT
            elif person.consent is not Consent.GIVEN:
                reason = store.NO_CONSENT
            elif row.kind == store.REMINDER and (
                survey is None
                or survey.status not in store.OPEN_SURVEY
                or survey.reminder_sent_at is not None
            ):
                reason = store.NOT_DUE
            elif survey is not None and survey.status in store.CLOSED_SURVEY:
                reason = store.SURVEY_DONE
            chat = unseal(person.address_enc, self.secret_key) if person.address_enc else None
            if reason is None and (not store.reachable(person) or not chat or not _is_int(chat)):
                reason = store.UNREACHABLE
            if reason is not None or chat is None:
                taken = not store.claim(session, row, SendStatus.SKIPPED, reason)
                return None if taken else SendStatus.SKIPPED
            if not store.claim(session, row, SendStatus.PENDING, store.SENDING):
                return None  # another run took it first
            if row.kind == store.REMINDER and survey is not None:
                survey.reminder_sent_at = utcnow()  # before sending: one reminder, ever
                outreach = texts.reminder()
            else:
                outreach = texts.invitation(survey.status if survey else None)
            return _Prepared(int(chat), outreach, row.attempts)

    async def _send_one(
        self, message_id: int, questionnaire_id: str, stats: RunStats
    ) -> SendStatus | None:
        prepared = self._prepare(message_id, questionnaire_id)
        if not isinstance(prepared, _Prepared):
            return prepared
        outreach = prepared.outreach
        markup = self._markup(outreach)
        calls, retries = 1, 0
        failure: str | None = None
        while True:
            await self.limiter.acquire(prepared.chat_id)
            try:
                await self.bot.send_message(prepared.chat_id, outreach.text, reply_markup=markup)
            except RetryAfter as error:
                stats.retry_after += 1
                retries += 1
                if retries > self.max_retry_after:
                    failure = type(error).__name__
                    break
                await self.limiter.sleep(retry_seconds(error))
                calls += 1
                continue
            except TelegramError as error:
                failure = _failure(error)
            break
        return self._settle(message_id, questionnaire_id, outreach, prepared, calls, failure)

    def _settle(
        self,
        message_id: int,
        questionnaire_id: str,
        outreach: texts.Outreach,
        prepared: _Prepared,
        calls: int,
        failure: str | None,
    ) -> SendStatus | None:
        """Record what Telegram answered, right after it answered."""
        with session_scope(self.database_url) as session:
            row = session.get(CampaignMessage, message_id)
            person = session.get(YoungPerson, row.young_person_id) if row else None
            if row is None or person is None:
                return None  # erased while we were sending
            row.attempts = prepared.attempts + calls - 1
            if failure is None:
                row.status, row.error, row.sent_at = SendStatus.SENT, None, utcnow()
                record_message(session, person, Direction.OUT, outreach.text)
                return SendStatus.SENT
            row.status, row.error = SendStatus.FAILED, failure
            if failure == store.BLOCKED:
                person.opted_out, person.opted_out_at = True, utcnow()
            elif row.kind == store.REMINDER and not failure.startswith(store.UNCERTAIN):
                survey = store.survey_of(session, person.id, questionnaire_id)
                if survey is not None:  # surely not delivered: a later run may remind
                    survey.reminder_sent_at = None
            return SendStatus.FAILED


def _is_int(value: str) -> bool:
    try:
        int(value)
    except ValueError:
        return False
    return True
