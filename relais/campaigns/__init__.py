"""Survey campaigns: invite opted-in young people on Telegram, remind them once, resumably.

`audience` says who is invited, `texts` what they read, `sender` sends (rate-limited, at most
once per person and campaign), `cli` adds `relais campaign send|remind|list`.
"""

from __future__ import annotations

from relais.campaigns.cli import add_campaign_parser

__all__ = ["add_campaign_parser"]
