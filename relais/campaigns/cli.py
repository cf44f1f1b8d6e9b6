"""`relais campaign send|remind|list`: survey invitations and reminders from the command line.

`send` creates a campaign (its recipients recorded at once) and sends it; when an unfinished
campaign with the same questionnaire, ML and profile exists, `send` continues that one instead
of creating another (so re-running the same command after a crash is safe), like
`--resume <id>`. `remind` does the same with its per-run reminder campaign.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # the parser is built on every `relais` call: heavy imports wait for a command
    from telegram import Bot

    from relais.campaigns.audience import Audience
    from relais.campaigns.sender import Clock, RunStats, Sleep

DEFAULT_RATE = 25.0
"""Messages per second overall (`relais.campaigns.sender.DEFAULT_RATE`)."""
MAX_RATE = 30.0
"""Telegram's bulk limit, about 30 messages per second: never go above."""


class CampaignError(Exception):
    """A mistake in the command (unknown questionnaire, campaign, missing token…)."""


def make_bot(token: str) -> Bot:
    """The Telegram bot used to send (tests replace this with a fake-backed one)."""
    from telegram import Bot

    return Bot(token)


@dataclass
class Env:
    """What the commands need from outside: database, key, bot, clock, streams."""

    database_url: str
    secret_key: str
    bot_factory: Callable[[], Bot]
    sleep: Sleep = asyncio.sleep
    monotonic: Clock = time.monotonic
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

    @classmethod
    def from_settings(cls) -> Env:
        """The environment of a real run (`relais.config.settings()`)."""
        from relais.config import settings

        config = settings()

        def bot() -> Bot:
            if not config.telegram_token:
                raise CampaignError("TELEGRAM_BOT_TOKEN is not set: cannot send")
            return make_bot(config.telegram_token)

        return cls(config.database_url, config.secret_key, bot)


# --- checks ---------------------------------------------------------------------------------


def _check_questionnaire(questionnaire_id: str, profile: str | None = None) -> None:
    from relais.survey.questionnaire import available_versions, load_questionnaire

    if not available_versions(questionnaire_id):
        raise CampaignError(f"unknown questionnaire {questionnaire_id!r}")
    if profile is not None:
        profiles = load_questionnaire(questionnaire_id).profile_codes
        if profile not in profiles:
            raise CampaignError(
                f"unknown profile {profile!r}; known: {', '.join(sorted(profiles))}"
            )


def _rate(text: str) -> float:
    value = float(text)
    if not 0 < value <= MAX_RATE:
        raise argparse.ArgumentTypeError(f"the rate must be > 0 and ≤ {MAX_RATE:g} messages/s")
    return value


def _hours(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError("the delay must be ≥ 0 hours")
    return value


# --- output ---------------------------------------------------------------------------------


def print_audience(out: TextIO, audience: Audience, label: str) -> None:
    """Dry run: audience size and breakdowns, nothing sent, nothing recorded."""
    print(f"DRY RUN ({label}): nothing sent, nothing recorded", file=out)
    print(audience.describe(), file=out)


def _reasons(counter: Counter[str]) -> str:
    return ", ".join(f"{reason} {n}" for reason, n in sorted(counter.items())) or "-"


def print_summary(
    out: TextIO, env: Env, campaign_id: int, stats: RunStats, not_reachable: int | None = None
) -> None:
    """The final summary on stdout: the campaign's totals and this run's pace."""
    from store import campaigns as store
    from store.db import session_scope
    from store.models import Campaign

    with session_scope(env.database_url) as session:
        campaign = session.get(Campaign, campaign_id)
        kind = store.campaign_kind(session, campaign_id) or "?"
        counts = store.campaign_counts(session, campaign_id)
    assert campaign is not None
    unreachable = counts.not_reachable if not_reachable is None else not_reachable
    skipped = Counter({k: n for k, n in counts.skipped.items() if k != store.UNREACHABLE})
    lines = [
        f"campaign {campaign_id} ({kind}, questionnaire {campaign.questionnaire_id}, "
        f"ML {campaign.ml_code or 'all'}, profile {campaign.profile or 'all'})",
        f"audience       {counts.total + (not_reachable or 0)}",
        f"sent           {counts.sent}",
        f"skipped        {counts.skipped_total}  ({_reasons(skipped)})",
        f"failed         {sum(counts.failed.values())}  ({_reasons(counts.failed)})",
        f"not reachable  {unreachable}",
        f"pending        {counts.pending}",
        f"this run       sent {stats.sent}, skipped {stats.skipped}, failed {stats.failed}, "
        f"retry-after {stats.retry_after}, "
        f"left uncertain by a crash {stats.settled_uncertain}",
        f"elapsed        {stats.elapsed:.1f} s",
        f"rate           {stats.rate:.1f} msg/s",
    ]
    print("\n".join(lines), file=out)


# --- commands -------------------------------------------------------------------------------


async def _run(
    env: Env, bot: Bot, campaign_id: int, rate: float, retry_uncertain: bool
) -> RunStats:
    from relais.campaigns.sender import CampaignSender, RateLimiter

    limiter = RateLimiter(rate, sleep=env.sleep, monotonic=env.monotonic)
    async with bot:  # getMe checks the token before anything is marked
        sender = CampaignSender(
            bot, env.database_url, env.secret_key, limiter, progress_stream=env.err
        )
        return await sender.run(campaign_id, retry_uncertain=retry_uncertain)


def _to_send(env: Env, campaign_id: int, retry_uncertain: bool) -> int:
    from store import campaigns as store
    from store.db import session_scope

    with session_scope(env.database_url) as session:
        return len(store.to_send(session, campaign_id, retry_uncertain=retry_uncertain))


async def send(args: argparse.Namespace, env: Env) -> int:
    """`campaign send`: create (or continue) an invitation campaign and send it."""
    from relais.campaigns.audience import AudienceFilter, invitees
    from store import campaigns as store
    from store.db import session_scope
    from store.models import Campaign

    _check_questionnaire(args.questionnaire, args.profile)
    retry_uncertain = bool(getattr(args, "retry_uncertain", False))
    bot = None if args.dry_run else env.bot_factory()  # no token: stop before recording
    if args.resume is not None:
        with session_scope(env.database_url) as session:
            campaign = session.get(Campaign, args.resume)
            if campaign is None or campaign.questionnaire_id != args.questionnaire:
                raise CampaignError(
                    f"no campaign {args.resume} for questionnaire {args.questionnaire!r}"
                )
        campaign_id = args.resume
    else:
        filters = AudienceFilter(args.questionnaire, args.ml, args.profile, args.include_synthetic)
        with session_scope(env.database_url) as session:
            existing = store.unfinished_campaign(
                session, args.questionnaire, store.INVITE, ml_code=args.ml, profile=args.profile
            )
            audience = invitees(session, filters)
            if existing is None and audience.size and not args.dry_run:
                existing = store.create_campaign(
                    session,
                    args.questionnaire,
                    store.INVITE,
                    list(audience.candidates),
                    ml_code=args.ml,
                    profile=args.profile,
                )
                print(f"campaign {existing.id} created: {audience.size} recipients", file=env.err)
            elif existing is not None:
                print(f"continuing unfinished campaign {existing.id} (same filters)", file=env.err)
            campaign_id = existing.id if existing is not None else None
        if args.dry_run:
            print_audience(env.out, audience, "new campaign")
            if campaign_id is not None:
                to_send = _to_send(env, campaign_id, retry_uncertain)
                note = f"unfinished campaign {campaign_id} would be continued instead"
                print(f"{note}: {to_send} to send", file=env.out)
            return 0
        if campaign_id is None:
            print("nobody to invite with these filters", file=env.out)
            return 0
    if args.dry_run:
        to_send = _to_send(env, campaign_id, retry_uncertain)
        print(f"DRY RUN: campaign {campaign_id}: {to_send} to send, nothing sent", file=env.out)
        return 0
    assert bot is not None
    stats = await _run(env, bot, campaign_id, args.rate, retry_uncertain)
    print_summary(env.out, env, campaign_id, stats)
    return 0


async def remind(args: argparse.Namespace, env: Env) -> int:
    """`campaign remind`: one reminder, once, for surveys left open longer than `--after` hours."""
    from relais.campaigns.audience import due_for_reminder
    from store import campaigns as store
    from store.db import session_scope

    _check_questionnaire(args.questionnaire)
    bot = None if args.dry_run else env.bot_factory()
    not_reachable: int | None = None
    with session_scope(env.database_url) as session:
        existing = store.unfinished_campaign(session, args.questionnaire, store.REMINDER)
        audience = due_for_reminder(
            session,
            args.questionnaire,
            timedelta(hours=args.after),
            include_synthetic=args.include_synthetic,
        )
        if args.dry_run:
            print_audience(env.out, audience, "reminders due")
            if existing is not None:
                note = f"unfinished reminder run {existing.id} would be continued first"
                print(note, file=env.out)
            return 0
        if existing is None:
            not_reachable = audience.not_reachable
            if not audience.reachable:
                print(f"no reminder due (not reachable: {not_reachable})", file=env.out)
                return 0
            existing = store.create_campaign(
                session, args.questionnaire, store.REMINDER, list(audience.reachable)
            )
        else:
            print(f"continuing unfinished reminder run {existing.id}", file=env.err)
        campaign_id = existing.id
    assert bot is not None
    stats = await _run(env, bot, campaign_id, args.rate, False)
    print_summary(env.out, env, campaign_id, stats, not_reachable=not_reachable)
    return 0


def list_command(args: argparse.Namespace, env: Env) -> int:
    """`campaign list`: every campaign with its counts."""
    from store import campaigns as store
    from store.db import session_scope

    with session_scope(env.database_url) as session:
        rows = store.list_campaigns(session)
    header = (
        f"{'id':>4}  {'kind':<8} {'questionnaire':<16} {'ML':<8} {'profile':<14} "
        f"{'created':<16} {'total':>6} {'sent':>6} {'skip':>6} {'fail':>6} {'left':>6} finished"
    )
    print(header, file=env.out)
    for campaign, kind, counts in rows:
        print(
            f"{campaign.id:>4}  {kind or '-':<8} {campaign.questionnaire_id:<16} "
            f"{campaign.ml_code or 'all':<8} {campaign.profile or 'all':<14} "
            f"{campaign.created_at:%Y-%m-%d %H:%M} {counts.total:>6} {counts.sent:>6} "
            f"{sum(counts.skipped.values()):>6} {sum(counts.failed.values()):>6} "
            f"{counts.pending:>6} {'yes' if campaign.finished_at else 'no'}",
            file=env.out,
        )
    return 0


# --- argparse -------------------------------------------------------------------------------


def _entry(
    command: Callable[[argparse.Namespace, Env], Any],
) -> Callable[[argparse.Namespace], int]:
    """Wrap a command for argparse: real settings, asyncio, mistakes as exit code 2."""

    def run(args: argparse.Namespace) -> int:
        env = Env.from_settings()
        try:
            result = command(args, env)
            code = asyncio.run(result) if asyncio.iscoroutine(result) else result
        except CampaignError as error:
            print(f"error: {error}", file=env.err)
            return 2
        return int(code)

    return run


def add_campaign_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add `campaign send|remind|list` to the `relais` sub-commands."""
    campaign: argparse.ArgumentParser = subparsers.add_parser(
        "campaign", help="survey invitations and reminders"
    )
    sub = campaign.add_subparsers(dest="campaign_command", required=True)

    p_send = sub.add_parser("send", help="invite opted-in young people to take the survey")
    p_send.add_argument("--questionnaire", required=True, help="questionnaire id")
    p_send.add_argument("--ml", help="only this Mission Locale (code)")
    p_send.add_argument("--profile", help="only this survey profile (people who started)")
    p_send.add_argument("--include-synthetic", action="store_true", help="also test personas")
    p_send.add_argument("--dry-run", action="store_true", help="show the audience, send nothing")
    p_send.add_argument("--resume", type=int, metavar="ID", help="continue this campaign")
    p_send.add_argument("--rate", type=_rate, default=DEFAULT_RATE, help="messages per second")
    p_send.add_argument(
        "--retry-uncertain",
        action="store_true",
        help="also resend messages Telegram may have delivered (timeouts, crash): risks doubles",
    )
    p_send.set_defaults(func=_entry(send))

    p_remind = sub.add_parser("remind", help="one reminder for surveys left open")
    p_remind.add_argument("--questionnaire", required=True, help="questionnaire id")
    p_remind.add_argument("--after", type=_hours, default=72.0, help="hours of silence (72)")
    p_remind.add_argument("--include-synthetic", action="store_true", help="also test personas")
    p_remind.add_argument("--dry-run", action="store_true", help="show who is due, send nothing")
    p_remind.add_argument("--rate", type=_rate, default=DEFAULT_RATE, help="messages per second")
    p_remind.set_defaults(func=_entry(remind))

    p_list = sub.add_parser("list", help="campaigns and their counts")
    p_list.set_defaults(func=_entry(list_command))
    return campaign
