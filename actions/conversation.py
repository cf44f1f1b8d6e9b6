"""Actions for yes/no answers and for what the bot did not understand."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    channel_of,
    dialogue,
    emit,
    entity,
    latest_text,
    recent_user_texts,
    state_of,
)


class ActionYesNo(Action):
    """Interpret "oui"/"non" against the question it answers (privacy, handoff, location)."""

    def name(self) -> str:
        return "action_yes_no"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        turn = dialogue().yes_no(
            state,
            tracker.sender_id,
            channel_of(tracker),
            yes=intent == "affirm",
            topic=entity(tracker, "topic"),
            recent_texts=recent_user_texts(tracker),
        )
        return emit(dispatcher, state, turn)


class ActionDefaultFallback(Action):
    """Overrides Rasa's fallback: try the message as a place, else say so and show the menu."""

    def name(self) -> str:
        return "action_default_fallback"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        turn = dialogue().fallback(state, tracker.sender_id, latest_text(tracker))
        return emit(dispatcher, state, turn)
