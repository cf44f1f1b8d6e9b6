"""`relais`: the one command line (run, train, where, chat, db, replay…) that the Makefile calls."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import signal
import sys
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from relais.campaigns import add_campaign_parser
from relais.config import Settings, settings


def _where(args: argparse.Namespace) -> int:
    from relais.routing import resolve

    print(json.dumps(resolve(args.text).to_dict(), ensure_ascii=False))
    return 0


def _db(args: argparse.Namespace) -> int:
    from store.migrate import downgrade, upgrade

    url = settings().database_url
    if args.action == "upgrade":
        upgrade(url)
    else:
        downgrade(url, args.revision)
    print(f"database schema: {args.action} done")
    return 0


def _train(args: argparse.Namespace) -> int:
    from relais.services import train

    trained = train(force=args.force)
    print("model trained" if trained else "model up to date (inputs unchanged)")
    return 0


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _run(args: argparse.Namespace) -> int:
    from bot.server import serve
    from relais.services import start_services, train
    from store.migrate import upgrade

    config = settings()
    upgrade(config.database_url)
    train()
    print("Starting Rasa and the action server (about a minute)…", flush=True)
    # SIGTERM must stop Rasa and the action server too (uvicorn re-raises it after shutdown).
    signal.signal(signal.SIGTERM, _interrupt)
    services = start_services(config)
    try:
        asyncio.run(serve(config))
    except KeyboardInterrupt:
        pass
    finally:
        services.stop()
    return 0


async def _on_stack(config: Settings, work: Callable[[Any], Awaitable[str]]) -> str:
    """Run ``work(app)`` on the web chat app, starting Rasa and the action server if needed."""
    from bot.rasa_client import RasaClient
    from bot.server import build_app
    from relais.services import start_services, train

    rasa = RasaClient(config.rasa_url, config.action_server_url, config.rasa_token)
    services = None
    if not await rasa.healthy():
        train()
        print("Starting Rasa and the action server (about a minute)…", file=sys.stderr)
        services = await asyncio.to_thread(start_services, config)
    try:
        return await work(build_app(config, rasa))
    finally:
        await rasa.close()
        if services is not None:
            services.stop()


def _scripted_config() -> Settings:
    """Settings for scripted young people: they answer as fast as the bot, from one address."""
    return replace(settings(), web_session_rate=None, web_address_rate=None)


def _simulate(args: argparse.Namespace) -> int:
    from relais.simulate.report import followup_figures, render
    from relais.simulate.runner import simulate

    config = _scripted_config()

    async def work(app: Any) -> str:
        def progress(done: int, total: int) -> None:
            bar = "#" * (30 * done // total)
            print(f"\r[{bar:<30}] {done}/{total}", end="", file=sys.stderr, flush=True)

        result = await simulate(
            app, config.database_url, config.secret_key, args.n, args.seed,
            args.concurrency, progress,
        )  # fmt: skip
        print(file=sys.stderr)
        return render(result, followup_figures(config.database_url))

    print(asyncio.run(_on_stack(config, work)))
    return 0


def _replay(args: argparse.Namespace) -> int:
    from relais.simulate.replay import Replay, replay
    from relais.simulate.replay_report import figures, render, transcript
    from relais.simulate.scripted import ScriptError, load_conversations

    try:
        conversations = load_conversations(args.files)
    except (OSError, ScriptError) as error:
        print(f"relais replay: {error}", file=sys.stderr)
        return 2
    config = _scripted_config()
    result: list[Replay] = []

    async def work(app: Any) -> str:
        done = await replay(
            app, conversations, config.database_url, config.secret_key, args.concurrency
        )
        result.append(done)
        return render(done)

    print(asyncio.run(_on_stack(config, work)))
    numbers = figures(result[0])
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(numbers, indent=2), encoding="utf-8")
    if args.transcript:
        args.transcript.parent.mkdir(parents=True, exist_ok=True)
        args.transcript.write_text(transcript(result[0]), encoding="utf-8")
    crisis_ok, crisis_n = numbers["by_expectation"].get("crisis", [0, 0])
    met = numbers["expectations_met"] / max(numbers["expectations"], 1)
    failed = crisis_ok < crisis_n or numbers["turn_errors"] > 0 or met < args.min_met
    return 1 if failed else 0


def _chat(args: argparse.Namespace) -> int:
    from bot.terminal import chat

    return asyncio.run(chat(settings()))


NEEDS_DATABASE = frozenset({"run", "chat", "simulate", "replay", "campaign"})


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, one sub-command per job."""
    parser = argparse.ArgumentParser(prog="relais", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    where = sub.add_parser("where", help="find the Mission Locale for a commune, postal code…")
    where.add_argument("text", help='free text, e.g. "st ouen l aumone" or "95100"')
    where.set_defaults(func=_where)

    db = sub.add_parser("db", help="database schema")
    db.add_argument("action", choices=["upgrade", "downgrade"])
    db.add_argument("revision", nargs="?", default="head")
    db.set_defaults(func=_db)

    train = sub.add_parser("train", help="train the Rasa model if its inputs changed")
    train.add_argument("--force", action="store_true")
    train.set_defaults(func=_train)

    run = sub.add_parser("run", help="run Rasa, the action server, the web chat and Telegram")
    run.set_defaults(func=_run)

    simulate = sub.add_parser(
        "simulate", help="simulated young people through the real stack (flagged synthetic)"
    )
    simulate.add_argument("--n", type=int, default=50, help="how many young people")
    simulate.add_argument("--seed", type=int, default=1)
    simulate.add_argument("--concurrency", type=int, default=8)
    simulate.set_defaults(func=_simulate)

    replay = sub.add_parser(
        "replay", help="scripted conversations through the real stack, checked turn by turn"
    )
    replay.add_argument("files", nargs="+", type=Path, help="conversation files (YAML)")
    replay.add_argument("--concurrency", type=int, default=4)
    replay.add_argument("--json", type=Path, help="write the figures here")
    replay.add_argument(
        "--transcript", type=Path,
        help="write the conversations that missed something here, in full (Markdown)",
    )  # fmt: skip
    replay.add_argument(
        "--min-met", type=float, default=0.0,
        help="fail below this share of expectations met (crisis ones must all be met, "
        "and every turn answered)",
    )  # fmt: skip
    replay.set_defaults(func=_replay)

    chat = sub.add_parser("chat", help="talk to the running bot in the terminal")
    chat.set_defaults(func=_chat)

    add_campaign_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `relais` command."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # httpx logs every URL at INFO: bot token, Rasa token and pseudonyms must stay out of logs.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    if args.command in NEEDS_DATABASE:
        from store.migrate import upgrade

        upgrade(settings().database_url)  # a fresh or older database is brought up to date first
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
