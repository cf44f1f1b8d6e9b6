"""The one path every channel uses: a young person's message → Rasa → replies, nothing lost.

Order is kept per young person (one lock each); when Rasa or the action server is down the
message is sealed into `pending_messages`, the young person is told we will be right back
(and given the crisis numbers at once if the message says they are in danger), and a
background loop answers it through the channel's deliverer when Rasa is back.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any

from bot.commands import to_rasa_text
from bot.rasa_client import RasaClient, RasaUnavailable
from relais.dialogue.texts import crisis_replies, right_back_reply
from relais.messages import BotReply, Inbound
from relais.safety.distress import detect_distress
from store.db import session_scope
from store.erasure import erase_person
from store.identity import pseudonymize, seal, unseal
from store.models import Consent, Direction
from store.pending import add_pending, drop_pending, pending_for, pseudonyms_with_pending
from store.people import find_person, touch_person
from store.records import record_message

log = logging.getLogger(__name__)

ERASE_MARKER = "relais_erase"

Deliverer = Callable[[str, str | None, list[BotReply]], Awaitable[None]]
"""Sends replies produced later (after an outage): (pseudonym, address, replies)."""


class Gateway:
    """Routes messages from any channel through Rasa, records them, keeps them when Rasa is down."""

    def __init__(self, rasa: RasaClient, secret_key: str, database_url: str) -> None:
        self._rasa = rasa
        self._key = secret_key
        self._db = database_url
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._deliverers: dict[str, Deliverer] = {}

    def pseudonym(self, channel: str, external_id: str) -> str:
        """The pseudonym Rasa and the store know this young person by."""
        return pseudonymize(channel, external_id, self._key)

    def register_deliverer(self, channel: str, deliverer: Deliverer) -> None:
        """Let the gateway send late replies on `channel`."""
        self._deliverers[channel] = deliverer

    async def handle(self, inbound: Inbound) -> list[BotReply]:
        """Answer one message; replies come back in the order Rasa produced them."""
        pseudonym = self.pseudonym(inbound.channel, inbound.external_id)
        text = to_rasa_text(inbound.text, inbound.is_payload)
        if not text:
            return []
        async with self._locks[pseudonym]:
            address_enc = seal(inbound.address, self._key) if inbound.address else None
            with session_scope(self._db) as session:
                touch_person(session, pseudonym, inbound.channel, address_enc)
                waiting = bool(pending_for(session, pseudonym))
            if waiting:
                await self._flush_person(pseudonym)
                with session_scope(self._db) as session:
                    waiting = bool(pending_for(session, pseudonym))
            if not waiting:
                try:
                    return await self._turn(pseudonym, inbound.channel, text, inbound.metadata)
                except RasaUnavailable as error:
                    log.warning("Rasa unavailable, message kept for later: %s", error)
            with session_scope(self._db) as session:
                add_pending(session, pseudonym, inbound.channel, seal(text, self._key), address_enc)
            return self._while_down(text)

    async def _turn(
        self, pseudonym: str, channel: str, text: str, metadata: dict[str, Any]
    ) -> list[BotReply]:
        replies = await self._rasa.send(pseudonym, text, {**metadata, "channel": channel})
        if any(r.custom and r.custom.get(ERASE_MARKER) for r in replies):
            with session_scope(self._db) as session:
                report = erase_person(session, pseudonym)
            log.info("erased on request: %s tracker events", report.tracker_events)
        else:
            await self._record(pseudonym, text, replies)
        return [r for r in replies if r.text or r.buttons]

    async def _record(self, pseudonym: str, text: str, replies: list[BotReply]) -> None:
        """Log the exchange, only for a young person who consented (the intent is asked then)."""
        with session_scope(self._db) as session:
            person = find_person(session, pseudonym)
            consented = person is not None and person.consent is Consent.GIVEN
        if not consented:
            return
        intent, confidence = await self._rasa.latest_intent(pseudonym)
        with session_scope(self._db) as session:
            person = find_person(session, pseudonym)
            if person is None:
                return
            record_message(session, person, Direction.IN, text, intent, confidence)
            for reply in replies:
                if reply.text:
                    record_message(session, person, Direction.OUT, reply.text)

    @staticmethod
    def _while_down(text: str) -> list[BotReply]:
        kind = detect_distress(text)
        if kind is not None:
            return [*crisis_replies(kind), right_back_reply()]
        return [right_back_reply()]

    async def _flush_person(self, pseudonym: str) -> bool:
        """Answer the waiting messages of one young person in order; False if Rasa is still down."""
        with session_scope(self._db) as session:
            waiting = [
                (m.id, m.channel, m.text_enc, m.address_enc)
                for m in pending_for(session, pseudonym)
            ]
        for message_id, channel, text_enc, address_enc in waiting:
            text = unseal(text_enc, self._key)
            if text is None:  # sealed with a key that was since changed: cannot be answered
                with session_scope(self._db) as session:
                    drop_pending(session, message_id)
                continue
            try:
                replies = await self._turn(pseudonym, channel, text, {"delayed": True})
            except RasaUnavailable:
                return False
            deliverer = self._deliverers.get(channel)
            address = unseal(address_enc, self._key) if address_enc else None
            if deliverer is not None:
                await deliverer(pseudonym, address, replies)
            with session_scope(self._db) as session:
                drop_pending(session, message_id)
        return True

    async def flush_pending(self) -> int:
        """Answer every waiting message whose young person is not busy; returns how many people."""
        with session_scope(self._db) as session:
            people = pseudonyms_with_pending(session)
        done = 0
        for pseudonym in people:
            lock = self._locks[pseudonym]
            if lock.locked():
                continue
            async with lock:
                if not await self._flush_person(pseudonym):
                    break
            done += 1
        return done

    async def run_retry_loop(self, interval_s: float) -> None:
        """Forever: answer kept messages as soon as Rasa is back."""
        while True:
            try:
                await self.flush_pending()
            except Exception:  # the loop must survive anything; the next round retries
                log.exception("retry loop round failed")
            await asyncio.sleep(interval_s)
