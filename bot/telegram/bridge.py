"""Telegram ↔ gateway: builds the python-telegram-bot `Application` and its handlers.

Every message of a young person goes through `Gateway.handle`; replies come back as Telegram
messages, Rasa buttons as inline keyboards. Updates of one chat are handled one after the
other (`ChatOrderedProcessor`), updates of different chats concurrently. Nothing personal is
logged: no message text, no chat or user id.

`relais run` starts it with `start_telegram(application, webhook_url, secret_token)` (polling
when `webhook_url` is None) and ends it with `stop_telegram(application)`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import traceback
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any, TypeAlias

from telegram import Bot, CallbackQuery, Message, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import Forbidden, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.gateway import Gateway
from bot.telegram.dedupe import DEDUPE_GROUP, dedupe_handler
from bot.telegram.keyboards import keyboard_for, resolve_key
from relais.dialogue.texts import payload, which_commune_reply
from relais.messages import BotReply, Inbound
from relais.routing import Commune, Resolution, resolve_position

log = logging.getLogger(__name__)

TelegramApp: TypeAlias = Application[Any, Any, Any, Any, Any, Any]

CHANNEL = "telegram"
MAX_CONCURRENT_UPDATES = 128
TYPING_AFTER_S = 0.4
"""Show "typing…" when an answer takes longer than this."""
TYPING_REPEAT_S = 4.5
"""Telegram shows a chat action for 5 seconds: repeat it while the answer is still coming."""
MAX_MESSAGE = 4000
"""Telegram refuses messages over 4,096 characters: longer replies are sent in parts."""

MENU_PAYLOAD = "/show_menu"
OUTSIDE_IDF_TEXT = "je suis hors ile de france"

# --- what the young person reads (French, tutoiement) -------------------------------------------

EMPTY_WITH_BUTTONS = "Choisis ci-dessous 👇"
EDITED = "J'ai vu ta correction ✏️"
EXPIRED_BUTTON = "Ce bouton n'est plus valable, voici le menu 👇"
SORRY = "Oups, j'ai eu un souci 😕 Tu peux réessayer dans un instant ?"
PRIVATE_ONLY = (
    "Relais fonctionne seulement en conversation privée 🙂 Écris-moi directement en message privé."
)
ASK_COMMUNE = (
    "Je n'arrive pas à trouver ta commune avec cette position 🤔 "
    "Tu peux m'écrire le nom de ta commune ou ton code postal ?"
)
CONTACT = (
    "Merci 🙏 Je n'ai pas besoin de ton numéro, et je ne le garde pas. "
    "Dis-moi plutôt en quelques mots ce que tu cherches."
)
VOICE = "Je ne peux pas encore écouter les vocaux 🙏 Tu peux m'écrire en quelques mots ?"
AUDIO = "Je ne peux pas écouter les fichiers audio 🎧 Tu peux m'écrire en quelques mots ?"
VIDEO = "Je ne peux pas regarder les vidéos 🙈 Tu peux m'écrire en quelques mots ?"
NO_ID_PAPERS = (
    "Et n'envoie pas ici tes papiers (carte d'identité, titre de séjour, fiche de paie…) : "
    "tu les montreras à ton ou ta conseiller·e de la Mission Locale."
)
PHOTO = f"Je ne peux pas voir les photos 🙈 Écris-moi plutôt en quelques mots. {NO_ID_PAPERS}"
DOCUMENT = (
    "Je ne peux pas ouvrir les fichiers 📄 Dis-moi en quelques mots ce que tu cherches. "
    + NO_ID_PAPERS
)
STICKER = "Joli sticker 😄 Dis-moi en quelques mots ce que tu cherches : un job, une formation… ?"
ANIMATION = "Haha 😄 Je ne lis pas les GIF, mais je suis là : dis-moi ce que tu cherches."
POLL = "Je ne sais pas répondre aux sondages 🙂 Écris-moi ta question directement."
DICE = (
    "🎲 Bien joué ! Moi, je suis surtout doué pour t'aider à trouver un job, une formation "
    "ou ta Mission Locale. Tu cherches quoi ?"
)
OTHER = (
    "Je ne sais pas encore lire ce genre de message 🙈 "
    "Écris-moi en quelques mots ce que tu cherches, ou tape /menu."
)


# --- position → commune -------------------------------------------------------------------------


PositionResolver = Callable[[float, float], Resolution]


# --- helpers ------------------------------------------------------------------------------------


def media_reply(message: Message) -> str:
    """The French answer to a message Relais cannot read (sticker, photo, voice note…)."""
    kinds: tuple[tuple[object, str], ...] = (
        (message.voice, VOICE),
        (message.video_note, VIDEO),
        (message.video, VIDEO),
        (message.audio, AUDIO),
        (message.animation, ANIMATION),  # before document: a GIF also carries a document
        (message.photo, PHOTO),
        (message.document, DOCUMENT),
        (message.sticker, STICKER),
        (message.poll, POLL),
        (message.dice, DICE),
    )
    return next((text for media, text in kinds if media), OTHER)


def which_commune(candidates: Sequence[Commune]) -> BotReply:
    """Ask which of the communes near a position is theirs, one button each."""
    return which_commune_reply([(c.insee, c.name, c.department) for c in candidates])


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Cut `text` into parts Telegram accepts, at line breaks when possible."""
    parts: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > 0 else limit
        parts.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return [*parts, text] if text else parts


def update_kind(update: object) -> str:
    """The kind of an update ("message", "callback_query"…), safe to log."""
    if isinstance(update, Update):
        for kind in Update.ALL_TYPES:
            if getattr(update, kind, None) is not None:
                return kind
        return "update"
    return type(update).__name__


class ChatOrderedProcessor(BaseUpdateProcessor):
    """Concurrent updates, but those of one chat strictly in the order received."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: Counter[int] = Counter()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the earlier updates of the same chat, then process this one."""
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._users[chat.id] += 1
        try:
            async with lock:
                await coroutine
        finally:
            self._users[chat.id] -= 1
            if self._users[chat.id] == 0:
                del self._users[chat.id]
                del self._locks[chat.id]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


# --- the handlers -------------------------------------------------------------------------------


class Bridge:
    """The handlers: each update kind gets an answer, never a crash."""

    def __init__(
        self,
        bot: Bot,
        gateway: Gateway,
        database_url: str,
        resolver: PositionResolver,
        typing_after_s: float = TYPING_AFTER_S,
    ) -> None:
        self._bot = bot
        self._gateway = gateway
        self._db = database_url
        self._resolve = resolver
        self._typing_after_s = typing_after_s

    def install(self, application: TelegramApp) -> None:
        """Add the handlers and the error handler to `application`."""
        private = filters.ChatType.PRIVATE
        new = filters.UpdateType.MESSAGE & private
        application.add_handler(dedupe_handler(self._db), group=DEDUPE_GROUP)
        application.add_handlers(
            [
                MessageHandler(
                    (filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST) & ~private,
                    self.on_not_private,
                ),
                MessageHandler(new & filters.TEXT, self.on_text),
                MessageHandler(
                    filters.UpdateType.EDITED_MESSAGE & private & filters.TEXT, self.on_edited_text
                ),
                CallbackQueryHandler(self.on_button),
                MessageHandler(new & (filters.LOCATION | filters.VENUE), self.on_location),
                MessageHandler(new & filters.CONTACT, self.on_contact),
                MessageHandler(new, self.on_unreadable),
            ]
        )
        application.add_error_handler(self.on_error)

    async def on_text(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """A typed message (emoji and commands included): through the gateway to Rasa."""
        message = update.message
        if message is None or message.text is None:
            return
        await self.converse(update, message.text)

    async def on_edited_text(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """A corrected message: say we saw it, then answer the new text like a new message."""
        message = update.edited_message
        if message is None or message.text is None:
            return
        await self._bot.send_message(message.chat.id, EDITED)
        await self.converse(update, message.text)

    async def on_button(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """A pressed inline button: answer it, remove the keyboard, send its payload to Rasa."""
        query = update.callback_query
        if query is None:
            return
        found: str | None = None
        notice: str | None = None
        try:
            if query.data is not None:
                found = resolve_key(query.data, self._db)
                notice = EXPIRED_BUTTON if found is None else None
        finally:  # always stop the button's spinner, even when the lookup failed
            with contextlib.suppress(TelegramError):
                await query.answer(notice)
        if query.data is None:  # a game button: nothing of ours
            return
        await self._remove_keyboard(query)
        await self.converse(update, found or MENU_PAYLOAD, is_payload=True)

    async def on_location(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """A shared position: its commune goes to Rasa, which answers with the Mission Locale."""
        message = update.message
        if message is None:
            return
        location = message.location or (message.venue.location if message.venue else None)
        if location is None:
            return
        try:
            resolution = await asyncio.to_thread(
                self._resolve, location.latitude, location.longitude
            )
        except Exception as error:  # routing data missing or broken: ask for the commune
            log.warning("position could not be resolved (%s)", type(error).__name__)
            await self._bot.send_message(message.chat.id, ASK_COMMUNE)
            return
        if resolution.status == "found" and resolution.commune is not None:
            inform = payload("inform_location", commune_insee=resolution.commune.insee)
            await self.converse(update, inform, is_payload=True)
        elif resolution.status == "found" and resolution.mission_locale is not None:
            # No single commune (Paris): the Mission Locale is certain, the commune is not.
            inform = payload("inform_location", ml_code=resolution.mission_locale.code)
            await self.converse(update, inform, is_payload=True)
        elif resolution.status == "outside_idf":
            await self.converse(update, OUTSIDE_IDF_TEXT)
        elif resolution.status == "ambiguous" and resolution.candidates:
            await self.send_replies(message.chat.id, [which_commune(resolution.candidates)])
        else:
            await self._bot.send_message(message.chat.id, ASK_COMMUNE)

    async def on_contact(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """A shared phone contact: thank them; the number is neither needed nor kept."""
        if update.message is not None:
            await self._bot.send_message(update.message.chat.id, CONTACT)

    async def on_unreadable(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """Sticker, photo, voice note, video, document, GIF, poll, dice or anything else."""
        if update.message is not None:
            await self._bot.send_message(update.message.chat.id, media_reply(update.message))

    async def on_not_private(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """A group message or a channel post: Relais only talks in private chats."""
        chat = update.effective_chat
        if chat is not None:
            with contextlib.suppress(TelegramError):  # a channel may not let us post
                await self._bot.send_message(chat.id, PRIVATE_ONLY)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the failure without personal data; tell the young person something short."""
        error = context.error
        frames = "".join(traceback.format_tb(error.__traceback__)) if error else ""
        log.error("Telegram %s failed: %s\n%s", update_kind(update), type(error).__name__, frames)
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is not None and chat.type == ChatType.PRIVATE:
            with contextlib.suppress(TelegramError):
                await self._bot.send_message(chat.id, SORRY)

    # --- conversation ---------------------------------------------------------------------------

    async def converse(self, update: Update, text: str, is_payload: bool = False) -> None:
        """Send `text` to the gateway for this update's young person and send back the replies."""
        chat, user = update.effective_chat, update.effective_user
        if chat is None:
            return
        inbound = Inbound(
            channel=CHANNEL,
            external_id=str(user.id if user is not None else chat.id),
            text=text,
            address=str(chat.id),
            is_payload=is_payload,
        )
        async with self._typing_while_slow(chat.id):
            replies = await self._gateway.handle(inbound)
        await self.send_replies(chat.id, replies)

    async def send_replies(self, chat_id: int, replies: list[BotReply]) -> None:
        """Send each reply as a message, its buttons as an inline keyboard under the last part."""
        for reply in replies:
            text = reply.text or (EMPTY_WITH_BUTTONS if reply.buttons else "")
            parts = split_text(text)
            for index, part in enumerate(parts):
                last = index == len(parts) - 1
                markup = keyboard_for(reply.buttons, self._db) if last else None
                await self._bot.send_message(chat_id, part, reply_markup=markup)

    async def deliver(self, _pseudonym: str, address: str | None, replies: list[BotReply]) -> None:
        """Send replies produced after an outage; never raises (else Rasa would be asked again)."""
        if address is None:
            log.warning("late Telegram reply dropped: no address")
            return
        try:
            await self.send_replies(int(address), replies)
        except Forbidden:
            log.info("late Telegram reply not delivered: the bot was blocked")
        except (TelegramError, ValueError) as error:
            log.warning("late Telegram reply not delivered (%s)", type(error).__name__)

    async def _remove_keyboard(self, query: CallbackQuery) -> None:
        """Take the keyboard off the pressed message, so a choice is made once."""
        if query.message is None and query.inline_message_id is None:
            return
        with contextlib.suppress(TelegramError):  # too old, or already removed
            await query.edit_message_reply_markup(reply_markup=None)

    @asynccontextmanager
    async def _typing_while_slow(self, chat_id: int) -> AsyncIterator[None]:
        """Show "typing…" if the block takes longer than `typing_after_s`."""

        async def keep_typing() -> None:
            await asyncio.sleep(self._typing_after_s)
            while True:
                with contextlib.suppress(TelegramError):
                    await self._bot.send_chat_action(chat_id, ChatAction.TYPING)
                await asyncio.sleep(TYPING_REPEAT_S)

        task = asyncio.create_task(keep_typing())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


# --- building and running -----------------------------------------------------------------------


def build_application(
    token: str,
    gateway: Gateway,
    database_url: str,
    *,
    request: BaseRequest | None = None,
    webhook: bool = False,
    resolver: PositionResolver | None = None,
    typing_after_s: float = TYPING_AFTER_S,
) -> TelegramApp:
    """The Telegram application, its handlers, and the gateway's deliverer for late replies.

    `request` replaces the HTTP layer (tests); `webhook=True` builds no Updater (updates come
    through `bot.telegram.webhook.webhook_route`).
    """
    builder: Any = (
        Application.builder()
        .token(token)
        .rate_limiter(AIORateLimiter(max_retries=3))
        .concurrent_updates(ChatOrderedProcessor())
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    if webhook:
        builder = builder.updater(None)
    application: TelegramApp = builder.build()
    bridge = Bridge(
        application.bot, gateway, database_url, resolver or resolve_position, typing_after_s
    )
    bridge.install(application)
    gateway.register_deliverer(CHANNEL, bridge.deliver)
    return application


async def start_telegram(
    application: TelegramApp, webhook_url: str | None, secret_token: str
) -> None:
    """Start the application, then poll (no `webhook_url`) or register the webhook."""
    await application.initialize()
    await application.start()
    if webhook_url:
        await application.bot.set_webhook(
            webhook_url, secret_token=secret_token, allowed_updates=Update.ALL_TYPES
        )
        return
    if application.updater is None:
        raise RuntimeError("polling needs an Updater: build the application with webhook=False")
    await application.updater.start_polling(
        allowed_updates=Update.ALL_TYPES, drop_pending_updates=False
    )


async def stop_telegram(application: TelegramApp) -> None:
    """Stop polling (if any) and the application; the webhook stays set for the next start."""
    if application.updater is not None and application.updater.running:
        await application.updater.stop()
    if application.running:
        await application.stop()
    await application.shutdown()
