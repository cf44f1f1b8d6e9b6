"""What every action shares: the dialogue instance, reading the tracker, emitting a Turn."""

from __future__ import annotations

from functools import cache
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from relais.config import settings
from relais.dialogue import texts
from relais.dialogue.other_need import main_and_other, need_also_asked
from relais.dialogue.turns import NEED_BY_INTENT, Dialogue, State, Turn
from relais.messages import BotReply
from relais.safety.faint_signal import faint_distress

ERASE_MARKER = "relais_erase"
# Rasa's REST channel splits a text on blank lines; a word joiner keeps one answer in one bubble.
_PARAGRAPH = "\n\u2060\n"


@cache
def dialogue() -> Dialogue:
    """The dialogue bound to the configured database."""
    return Dialogue(settings().database_url)


def state_of(tracker: Tracker) -> State:
    """The conversation state kept in the tracker's slots."""
    return State.from_slots(tracker.current_slot_values())


def channel_of(tracker: Tracker) -> str:
    """The channel the gateway named in the message metadata (web, telegram…)."""
    metadata = tracker.latest_message.get("metadata") or {}
    return str(metadata.get("channel") or "rest")


def latest_text(tracker: Tracker) -> str:
    """The young person's last message as they typed it."""
    return str(tracker.latest_message.get("text") or "")


def recent_user_texts(tracker: Tracker, limit: int = 3) -> tuple[str, ...]:
    """The last typed messages (not button payloads), oldest first, for a handoff summary."""
    found: list[str] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            text = str(event.get("text") or "")
            if text and not text.startswith("/"):
                found.append(text)
                if len(found) == limit:
                    break
    return tuple(reversed(found))


def need_ranking(tracker: Tracker) -> list[tuple[str, float]]:
    """The needs of the NLU's intent ranking for the last message, best first."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    return [
        (NEED_BY_INTENT[str(item.get("name"))], float(item.get("confidence") or 0.0))
        for item in ranking
        if str(item.get("name")) in NEED_BY_INTENT
    ]


def asked_need(tracker: Tracker) -> tuple[str, str | None] | None:
    """A need the message names in words and the NLU ranks, though its intent is another one
    ("t'es un robot ? et sinon g besoin d'un taf"): the need to answer, and a second one."""
    text = latest_text(tracker)
    if text.startswith("/"):  # a button says exactly what it means
        return None
    ranking = need_ranking(tracker)
    need = need_also_asked(text, ranking)
    return None if need is None else main_and_other(text, need, ranking)


def understood_anyway(tracker: Tracker, state: State) -> Turn | None:
    """For a message the NLU could not place (or placed off-topic): a question on the last
    answer ("et si jsuis en cdd ?"), or a need named in words and ranked ("tu peux juste
    m'aider pour le taf"), answered rather than guessed. None: neither."""
    text = latest_text(tracker)
    trade = dialogue().trade_answer(state, tracker.sender_id, channel_of(tracker), text)
    if trade is not None:  # "ds la restau" after a job, read as off-topic
        return trade
    if (last := dialogue().on_last_need(state, None, text)) is not None:
        return dialogue().follow_up_answer(state, last)
    asked = asked_need(tracker)
    return None if asked is None else answer_asked(tracker, state, asked)


def answer_asked(tracker: Tracker, state: State, asked: tuple[str, str | None]) -> Turn:
    """The answer to the need asked (``asked``: that need, and another one to offer)."""
    main, also = asked
    return dialogue().answer_need(
        state, tracker.sender_id, channel_of(tracker), f"ask_{main}", latest_text(tracker),
        also=also,
    )  # fmt: skip


def entity(tracker: Tracker, name: str) -> str | None:
    """The first value of an entity in the last message."""
    value = next(tracker.get_latest_entity_values(name), None)
    return str(value) if value is not None else None


def send(dispatcher: CollectingDispatcher, replies: list[BotReply]) -> None:
    """Utter replies, one bubble each."""
    for reply in replies:
        buttons: list[dict[str, Any]] = [
            {"title": b.title, "payload": b.payload} for b in reply.buttons
        ]
        dispatcher.utter_message(text=reply.text.replace("\n\n", _PARAGRAPH), buttons=buttons)


def guarded(tracker: Tracker, replies: list[BotReply]) -> list[BotReply]:
    """``replies`` with the safety-net line when the message carried a faint distress signal."""
    if faint_distress(tracker.latest_message or {}):
        return texts.with_safety_net(replies)
    return replies


def emit(
    dispatcher: CollectingDispatcher, tracker: Tracker, before: State, turn: Turn
) -> list[EventType]:
    """Send the turn's replies (safety net added if needed), return the slot events of changes."""
    send(dispatcher, guarded(tracker, turn.replies))
    if turn.erase:
        dispatcher.utter_message(json_message={ERASE_MARKER: True})
    return [SlotSet(name, value) for name, value in turn.state.changes_from(before).items()]
