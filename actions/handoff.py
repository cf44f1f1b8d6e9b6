"""Action handing the young person over to a counsellor of their Mission Locale."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import channel_of, dialogue, emit, latest_text, recent_user_texts, state_of


class ActionRequestHuman(Action):
    """Record a handoff request for the Mission Locale, after consent, and say what happens next."""

    def name(self) -> str:
        return "action_request_human"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        turn = dialogue().request_human(
            state,
            tracker.sender_id,
            channel_of(tracker),
            recent_user_texts(tracker),
            text=latest_text(tracker),
        )
        return emit(dispatcher, tracker, state, turn)
