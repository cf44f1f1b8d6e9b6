"""The Telegram channel of Relais (python-telegram-bot): polling or webhook."""

from bot.telegram.bridge import build_application, start_telegram, stop_telegram
from bot.telegram.webhook import WEBHOOK_PATH, webhook_route

__all__ = [
    "WEBHOOK_PATH",
    "build_application",
    "start_telegram",
    "stop_telegram",
    "webhook_route",
]
