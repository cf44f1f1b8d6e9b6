"""Actions answering a precise demand, greeting and showing the menu."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import channel_of, dialogue, emit, latest_text, state_of
from relais.dialogue.turns import NEED_BY_INTENT


class ActionAnswerNeed(Action):
    """Answer a need (job, housing…) at once, then give the young person's Mission Locale."""

    def name(self) -> str:
        return "action_answer_need"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        intent = str((tracker.latest_message.get("intent") or {}).get("name") or "")
        if intent not in NEED_BY_INTENT:
            return emit(dispatcher, tracker, state, dialogue().show_menu(state))
        turn = dialogue().answer_need(
            state, tracker.sender_id, channel_of(tracker), intent, latest_text(tracker)
        )
        return emit(dispatcher, tracker, state, turn)


class ActionGreet(Action):
    """Say hello, show the menu and, on first contact, the privacy notice."""

    def name(self) -> str:
        return "action_greet"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        turn = dialogue().greet(state, tracker.sender_id, channel_of(tracker))
        return emit(dispatcher, tracker, state, turn)


class ActionShowMenu(Action):
    """Show the list of needs."""

    def name(self) -> str:
        return "action_show_menu"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        return emit(dispatcher, tracker, state, dialogue().show_menu(state))
