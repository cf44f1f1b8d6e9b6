"""Runtime settings, read once from the environment (with local defaults for `make run`)."""

from __future__ import annotations

import math
import os
import secrets
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VAR_DIR = Path(os.environ.get("RELAIS_VAR_DIR", ROOT / "var"))


def _secret_key() -> str:
    """The HMAC and encryption key: `RELAIS_SECRET_KEY`, else one generated into var/ once."""
    key = os.environ.get("RELAIS_SECRET_KEY")
    if key:
        return key
    path = VAR_DIR / "secret.key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


@dataclass(frozen=True)
class Rate:
    """`count` messages per `seconds`, in a burst or spread out."""

    count: int
    seconds: float

    @classmethod
    def parse(cls, text: str | None, default: Rate | None) -> Rate | None:
        """ "20/60" → 20 messages per minute; "0" or "off" → no limit; empty → the default."""
        if text is None or not text.strip():
            return default
        text = text.strip().lower()
        if text in {"0", "off", "none"}:
            return None
        count, _, seconds = text.partition("/")
        try:
            rate = cls(int(count), float(seconds or "60"))
        except ValueError as error:
            expected = "expected '<messages>/<seconds>', e.g. '20/60'"
            raise ValueError(f"rate {text!r}: {expected}") from error
        if rate.count <= 0 or not 0 < rate.seconds < math.inf:
            raise ValueError(f"rate {text!r}: both numbers must be positive")
        return rate


# A young person typing fast stays well under these; a script does not.
SESSION_RATE = Rate(20, 60)
ADDRESS_RATE = Rate(300, 60)  # a Mission Locale's or a school's wifi: many people, one address


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with the defaults of a local run."""

    database_url: str
    secret_key: str
    rasa_url: str
    rasa_token: str
    action_server_url: str
    web_host: str
    web_port: int
    telegram_token: str | None
    telegram_webhook_url: str | None
    telegram_webhook_secret: str | None
    retry_interval_s: float
    redis_url: str | None
    web_session_rate: Rate | None = SESSION_RATE
    web_address_rate: Rate | None = ADDRESS_RATE

    @classmethod
    def from_env(cls) -> Settings:
        """Read the settings from the environment."""
        env = os.environ.get
        default_db = f"sqlite:///{VAR_DIR / 'relais.db'}"
        secret = _secret_key()
        return cls(
            database_url=env("DATABASE_URL") or default_db,
            secret_key=secret,
            rasa_url=(env("RASA_URL") or "http://127.0.0.1:5005").rstrip("/"),
            rasa_token=env("RASA_TOKEN") or _derived(secret, "rasa-api"),
            action_server_url=(env("ACTION_SERVER_URL") or "http://127.0.0.1:5055").rstrip("/"),
            web_host=env("RELAIS_WEB_HOST") or "127.0.0.1",
            web_port=int(env("RELAIS_WEB_PORT") or "8000"),
            telegram_token=env("TELEGRAM_BOT_TOKEN") or None,
            telegram_webhook_url=env("TELEGRAM_WEBHOOK_URL") or None,
            telegram_webhook_secret=env("TELEGRAM_WEBHOOK_SECRET") or _derived(secret, "tg-hook"),
            retry_interval_s=float(env("RELAIS_RETRY_INTERVAL") or "5"),
            redis_url=env("REDIS_URL") or None,
            web_session_rate=Rate.parse(env("RELAIS_WEB_SESSION_RATE"), SESSION_RATE),
            web_address_rate=Rate.parse(env("RELAIS_WEB_ADDRESS_RATE"), ADDRESS_RATE),
        )


def _derived(secret: str, purpose: str) -> str:
    """A stable sub-secret for one purpose, so one key configures everything."""
    import hashlib
    import hmac

    return hmac.new(secret.encode(), purpose.encode(), hashlib.sha256).hexdigest()[:40]


@cache
def settings() -> Settings:
    """The process-wide settings."""
    return Settings.from_env()
