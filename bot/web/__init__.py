"""The web chat: a small accessible page and its JSON API, served by Starlette."""

from bot.web.app import create_web_app

__all__ = ["create_web_app"]
