"""Each Telegram update is handled once, even when Telegram delivers it twice."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes, TypeHandler

from store.db import session_scope
from store.models import utcnow
from store.updates_seen import forget_seen_before, mark_seen

log = logging.getLogger(__name__)

KEEP_SEEN = timedelta(days=3)
"""How long a handled update id is remembered (Telegram redelivers within hours)."""
PRUNE_EVERY_S = 3600.0

DEDUPE_GROUP = -1
"""Handler group of the check: before every other handler."""


class SeenOnce:
    """Stops an update whose id was already handled, and forgets old ids once an hour."""

    def __init__(self, database_url: str) -> None:
        self._db = database_url
        self._pruned_at: float | None = None

    def first_time(self, update_id: int) -> bool:
        """Record `update_id`; False when it was handled before."""
        now = time.monotonic()
        try:
            with session_scope(self._db) as session:
                if self._pruned_at is None or now - self._pruned_at > PRUNE_EVERY_S:
                    forget_seen_before(session, utcnow() - KEEP_SEEN)
                    self._pruned_at = now
                return mark_seen(session, update_id)
        except IntegrityError:  # the same update being handled right now
            return False

    async def __call__(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """Let a new update through; raise ApplicationHandlerStop for a repeated one."""
        if not self.first_time(update.update_id):
            log.info("repeated Telegram update ignored")
            raise ApplicationHandlerStop


def dedupe_handler(database_url: str) -> TypeHandler[Update, ContextTypes.DEFAULT_TYPE, None]:
    """The handler to add in group DEDUPE_GROUP."""
    return TypeHandler(Update, SeenOnce(database_url))
